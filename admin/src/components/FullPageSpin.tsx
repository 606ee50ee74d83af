import { Spin } from 'antd';

export default function FullPageSpin() {
  return (
    <div className="full-page-center" aria-busy="true">
      <Spin size="large" />
    </div>
  );
}
