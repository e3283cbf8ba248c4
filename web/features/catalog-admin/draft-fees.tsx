// Fee items (the procedure's, or a case's): the channel each applies to (or every channel), the
// amount in đồng and what it is charged per. Rows are added and removed.
import { CHANNELS, type Channel, type Fee } from '../../../common/catalog/procedure.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { newFee, removeAt, updateAt } from './draft-editor-state.ts';
import { AddButton, NumberField, RemoveButton, SelectField, TextField } from './draft-fields.tsx';

export function FeesFields({
  prefix,
  fees,
  onChange,
}: {
  /** `` for the procedure's fees, `cases/<i>/` for a case's. */
  prefix: string;
  fees: readonly Fee[];
  onChange: (fees: Fee[]) => void;
}) {
  const { t } = useI18n();
  const d = t.catalogAdmin.draft;
  const channels = [
    { value: '' as const, label: d.feeAllChannels },
    ...CHANNELS.map((c) => ({ value: c, label: t.catalog.channels[c] })),
  ];
  const change = (i: number, patch: Partial<Fee>) => onChange(updateAt(fees, i, (f) => ({ ...f, ...patch })));
  return (
    <>
      {fees.length === 0 ? <p className="muted">{d.noFees}</p> : null}
      {fees.map((fee, i) => {
        const path = `${prefix}fees/${i}`;
        return (
          <fieldset key={i} className="draft-row draft-inline">
            <legend>{d.feeLegend(i + 1)}</legend>
            <SelectField<Channel>
              path={`${path}/channel`}
              label={d.feeChannel}
              value={fee.channel ?? ''}
              options={channels}
              onChange={(channel) => change(i, { channel: channel === '' ? null : channel })}
            />
            <NumberField
              path={`${path}/amountVnd`}
              label={d.amount}
              hint={d.amountHint}
              value={fee.amountVnd}
              onChange={(amountVnd) => change(i, { amountVnd })}
            />
            <TextField
              path={`${path}/per`}
              label={d.per}
              value={fee.per ?? ''}
              onChange={(per) => change(i, { per: per.trim() === '' ? null : per })}
            />
            {fee.text ? (
              <p className="hint draft-source" lang="vi">
                {d.published(fee.text)}
              </p>
            ) : null}
            <RemoveButton
              label={d.removeFee}
              what={d.feeLegend(i + 1)}
              onClick={() => onChange(removeAt(fees, i))}
            />
          </fieldset>
        );
      })}
      <AddButton label={d.addFee} onClick={() => onChange([...fees, newFee()])} />
    </>
  );
}
