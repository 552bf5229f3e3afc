import { englishStringTranslator, TranslatableString } from '@rjsf/utils';
import type { Locale } from '../api/types';

const zhCN: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: '第 %1 项',
  [TranslatableString.EmptyArray]: '暂无内容，点击下方按钮添加',
  [TranslatableString.YesLabel]: '是',
  [TranslatableString.NoLabel]: '否',
  [TranslatableString.CloseLabel]: '关闭',
  [TranslatableString.ErrorsLabel]: '错误',
  [TranslatableString.AddButton]: '添加',
  [TranslatableString.AddItemButton]: '添加一项',
  [TranslatableString.CopyButton]: '复制',
  [TranslatableString.MoveDownButton]: '下移',
  [TranslatableString.MoveUpButton]: '上移',
  [TranslatableString.RemoveButton]: '删除',
  [TranslatableString.NowLabel]: '现在',
  [TranslatableString.ClearLabel]: '清除',
  [TranslatableString.AriaDateLabel]: '选择日期',
  [TranslatableString.PreviewLabel]: '预览',
  [TranslatableString.ClearButton]: '清空',
};

/** RJSF's own button and label strings in the form's locale (English is RJSF's default). */
export function rjsfTranslator(locale: Locale) {
  return (key: TranslatableString, params?: string[]): string => {
    const template = locale === 'zh-CN' ? zhCN[key] : undefined;
    if (!template) return englishStringTranslator(key, params);
    return template.replace(/%(\d+)/g, (whole, index: string) => params?.[Number(index) - 1] ?? whole);
  };
}
