import ComingSoon from '../../../components/ComingSoon';

export default function BookingInboxPage() {
  return <ComingSoon purpose="接收本站点的心理咨询预约，确认、改约，并登记完成或未到。" />;
}
