/** Why a notification template cannot be used, for the designer's lint and the preview. */
export interface TemplateProblem {
  message: { 'zh-CN': string; en: string };
  line?: number;
}

export class TemplateError extends Error {
  constructor(readonly problems: TemplateProblem[]) {
    super(problems.map((problem) => problem.message.en).join(' '));
  }
}
