import type { ArticleReference } from '../../../services/content';
import SafeHtml from './SafeHtml';
import './content.css';

export interface PhonePreviewContent {
  title: string;
  category?: string | undefined;
  summary?: string | undefined;
  cover?: string | null | undefined;
  readingMinutes?: number | undefined;
  html: string;
  references?: readonly ArticleReference[] | undefined;
  /** "审核：… · 日期" once reviewed; left out for drafts. */
  reviewedLine?: string | undefined;
}

/**
 * The article as a resident will see it in the mini-program: a 375 px wide phone screen, same colours and type
 * as the article page. The body is the API's own render of the Markdown (class `xa-<tag>` on each element).
 */
export default function ArticlePhonePreview({ content }: { content: PhonePreviewContent }) {
  const references = content.references?.filter((r) => r.text.trim()) ?? [];
  return (
    <div className="article-preview" aria-label="手机预览">
      <div className="phone-nav">心理科普</div>
      <div className="phone-screen">
        {content.cover && <img className="preview-cover" src={content.cover} alt="" />}
        <h1 className="preview-title">{content.title.trim() || '（未填写标题）'}</h1>
        <div className="preview-meta">
          {content.category && <span className="preview-chip">{content.category}</span>}
          {content.readingMinutes !== undefined && <span>约 {content.readingMinutes} 分钟读完</span>}
        </div>
        {content.summary?.trim() && <p className="preview-summary">{content.summary}</p>}
        <div className="phone-card">
          {content.html.trim() ? (
            <SafeHtml className="preview-body" html={content.html} />
          ) : (
            <div className="preview-empty">正文还是空的，在左边写下第一段吧</div>
          )}
        </div>
        {references.length > 0 && (
          <div className="phone-card">
            <div className="preview-references-title">参考资料</div>
            <ol className="preview-references">
              {references.map((reference, i) => (
                <li key={i}>
                  {reference.text}
                  {reference.url && /^https?:\/\//i.test(reference.url) && (
                    <>
                      {' '}
                      <a href={reference.url} target="_blank" rel="noopener noreferrer">
                        {reference.url}
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ol>
          </div>
        )}
        {content.reviewedLine && <div className="preview-footnote">{content.reviewedLine}</div>}
      </div>
    </div>
  );
}
