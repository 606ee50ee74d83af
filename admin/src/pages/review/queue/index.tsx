import ComingSoon from '../../../components/ComingSoon';

export default function ReviewQueuePage() {
  return <ComingSoon purpose="审阅编辑提交的文章，通过后发布或退回修改。" />;
}
