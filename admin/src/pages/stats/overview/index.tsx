import ComingSoon from '../../../components/ComingSoon';

export default function StatsOverviewPage() {
  return <ComingSoon purpose="查看各站点的服务量、预约和测评等汇总数据（不含个人信息）。" />;
}
