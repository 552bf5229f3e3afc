import type { LocalizedText } from '@estateflow/model';
import { Input, Space } from 'antd';

/** A `{ zh-CN, en }` pair as two inputs; clearing both removes it. */
export function LocalizedTextInput(props: {
  value: LocalizedText | undefined;
  onChange: (value: LocalizedText | undefined) => void;
  labels: [string, string];
  multiline?: boolean;
}) {
  const zh = props.value?.['zh-CN'] ?? '';
  const en = props.value?.en ?? '';
  const change = (next: { zh: string; en: string }) => {
    if (next.zh === '' && next.en === '') props.onChange(undefined);
    else props.onChange(next.en === '' ? { 'zh-CN': next.zh } : { 'zh-CN': next.zh, en: next.en });
  };
  const Field = props.multiline ? Input.TextArea : Input;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4}>
      <Field
        aria-label={props.labels[0]}
        placeholder={props.labels[0]}
        value={zh}
        onChange={(event) => change({ zh: event.target.value, en })}
      />
      <Field
        aria-label={props.labels[1]}
        placeholder={props.labels[1]}
        value={en}
        onChange={(event) => change({ zh, en: event.target.value })}
      />
    </Space>
  );
}
