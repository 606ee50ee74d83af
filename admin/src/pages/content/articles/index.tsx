import ComingSoon from '../../../components/ComingSoon';

export default function ArticlesPage() {
  return <ComingSoon purpose="撰写和修改心理科普文章，提交审核，查看发布状态。" />;
}
