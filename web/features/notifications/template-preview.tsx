// A template rendered by the server with sample data (POST /notification-templates/preview): the
// subject and text of an e-mail (its HTML as source: the page never renders HTML it did not write),
// an SMS with the number of messages it takes, a ZNS template's parameters.
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { RenderedMessage } from './notifications-api.ts';

export function TemplatePreview({ rendered }: { rendered: RenderedMessage }) {
  const { t } = useI18n();
  const a = t.notifications.admin;
  return (
    <section className="template-preview-section" aria-labelledby="template-preview-heading">
      <h3 id="template-preview-heading" className="subsection-heading">
        {a.previewHeading}
      </h3>
      <div className="template-preview">
        {rendered.subject ? (
          <p className="template-preview-subject" lang="vi">
            {rendered.subject}
          </p>
        ) : null}
        <p lang="vi">{rendered.text}</p>
        {rendered.html ? (
          <pre className="template-preview-html" lang="vi">
            {rendered.html}
          </pre>
        ) : null}
        {rendered.zalo ? (
          <dl className="summary-list">
            <div>
              <dt>{a.zaloTemplateId}</dt>
              <dd className="code">{rendered.zalo.templateId}</dd>
            </div>
            {Object.entries(rendered.zalo.params).map(([name, value]) => (
              <div key={name}>
                <dt className="code">{name}</dt>
                <dd lang="vi">{value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
      {rendered.smsParts !== null ? <p className="hint">{a.previewParts(rendered.smsParts)}</p> : null}
    </section>
  );
}
