/** "Phụ lục": the title rows of the appendix and scorecards, and the buttons that write them. */
import * as React from "react";
import { Button, Field, Input, Textarea } from "@fluentui/react-components";
import type { TitleInputs } from "../report/build";
import { useReportStyles } from "./report-styles";

export interface AppendixFieldsProps {
  inputs: TitleInputs;
  onInputs(update: (inputs: TitleInputs) => TitleInputs): void;
  disabled: boolean;
  onAppendix(): void;
  onScorecards(): void;
}

export function AppendixFields({ inputs, onInputs, disabled, onAppendix, onScorecards }: AppendixFieldsProps): React.JSX.Element {
  const styles = useReportStyles();
  const set = (key: keyof TitleInputs) => (_: unknown, d: { value: string }) => onInputs((v) => ({ ...v, [key]: d.value }));
  return (
    <div className={styles.block}>
      <span className={styles.heading}>Phụ lục</span>
      <Field label="Tiêu đề">
        <Textarea className={styles.full} size="small" resize="vertical" value={inputs.title} disabled={disabled} onChange={set("title")} />
      </Field>
      <Field label="Kỳ báo cáo">
        <Input className={styles.full} size="small" value={inputs.period} disabled={disabled} onChange={set("period")} />
      </Field>
      <Field label="Ngày chốt số liệu">
        <Input className={styles.full} size="small" value={inputs.cutoffDate} disabled={disabled} onChange={set("cutoffDate")} />
      </Field>
      <Field label="Dòng kèm theo báo cáo">
        <Textarea className={styles.full} size="small" resize="vertical" value={inputs.references} placeholder="(Kèm theo Báo cáo số …)" disabled={disabled} onChange={set("references")} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" size="small" disabled={disabled} onClick={onAppendix}>
          Lập phụ lục
        </Button>
        <Button size="small" disabled={disabled} onClick={onScorecards} title="Mỗi đơn vị một trang: nhóm chỉ số, chỉ số dưới ngưỡng, hạng, năm việc cần ưu tiên">
          Lập phiếu điểm
        </Button>
      </div>
    </div>
  );
}
