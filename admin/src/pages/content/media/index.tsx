import ComingSoon from '../../../components/ComingSoon';

export default function MediaLibraryPage() {
  return <ComingSoon purpose="上传和管理文章配图、放松音频等素材。" />;
}
