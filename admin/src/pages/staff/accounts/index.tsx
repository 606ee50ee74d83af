import ComingSoon from '../../../components/ComingSoon';

export default function StaffAccountsPage() {
  return <ComingSoon purpose="创建和停用工作人员账号，分配角色和所属站点。" />;
}
