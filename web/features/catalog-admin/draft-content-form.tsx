// The sections of the catalogue editor, in the order of the procedure's published page: how it is
// applied for and the time limit of each way, cases, papers, fees, results, the declaration form, the
// online level and whether any desk of the province receives it.
import type { DraftContent } from '../../../common/catalog/draft-content.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { DraftEditorData } from './catalog-admin-api.ts';
import { CasesFields } from './draft-cases.tsx';
import { ComponentsFields } from './draft-components.tsx';
import { FeesFields } from './draft-fees.tsx';
import { DraftSection } from './draft-fields.tsx';
import { LimitsFields } from './draft-limits.tsx';
import { ReceivableField } from './draft-receivable.tsx';
import { ResultsFields } from './draft-results.tsx';
import { ChannelsField, FormField, OnlineLevelField } from './draft-settings.tsx';

export function DraftContentForm({
  code,
  data,
  content,
  isProvinceAdmin,
  onChange,
}: {
  code: string;
  data: DraftEditorData;
  content: DraftContent;
  isProvinceAdmin: boolean;
  onChange: (content: DraftContent) => void;
}) {
  const { t } = useI18n();
  const s = t.catalogAdmin.draft.sections;
  const set =
    <K extends keyof DraftContent>(key: K) =>
    (value: DraftContent[K]) =>
      onChange({ ...content, [key]: value });
  return (
    <>
      <DraftSection section="timeLimits" heading={s.timeLimits}>
        <ChannelsField channels={content.channels} onChange={set('channels')} />
        <LimitsFields
          prefix=""
          channels={content.channels}
          limits={content.timeLimits}
          onChange={set('timeLimits')}
        />
      </DraftSection>
      <DraftSection section="cases" heading={s.cases} list>
        <CasesFields content={content} channels={content.channels} onChange={set('cases')} />
      </DraftSection>
      <DraftSection section="components" heading={s.components} list>
        <ComponentsFields components={content.components} onChange={set('components')} />
      </DraftSection>
      <DraftSection section="fees" heading={s.fees} list>
        {data.feeDecidedBy ? (
          <p className="hint">{t.catalogAdmin.draft.feeDecidedBy(data.feeDecidedBy)}</p>
        ) : null}
        <FeesFields prefix="" fees={content.fees} onChange={set('fees')} />
      </DraftSection>
      <DraftSection section="results" heading={s.results} list>
        <ResultsFields results={content.results} onChange={set('results')} />
      </DraftSection>
      <DraftSection section="form" heading={s.form}>
        <FormField value={content.form} forms={data.forms} onChange={set('form')} />
      </DraftSection>
      <DraftSection section="onlineLevel" heading={s.onlineLevel}>
        <OnlineLevelField content={content} onChange={set('onlineLevel')} />
      </DraftSection>
      <DraftSection section="receivable" heading={s.receivable}>
        <ReceivableField code={code} canEdit={isProvinceAdmin} />
      </DraftSection>
    </>
  );
}
