import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { activeStatePaths, findState, type LocalizedText, type StateValueJson, type WorkflowDefinition } from '@estateflow/model';
import { maskFormTokens } from '../privacy/form-personal-data';

type Template = (context: object) => string;

const MAX_TEMPLATES = 2_000;

/** An isolated Handlebars: no helpers registered by anyone else, prototype access left off (the default). */
const handlebars = Handlebars.create();

/**
 * Renders a state's `meta.progress` — what an owner reads ("已派单，预计 2 小时内上门") — with
 * Handlebars over { data, params, instance }. Templates are compiled once per version, state
 * and locale; output is plain text (the web apps escape it), so HTML escaping is off.
 */
@Injectable()
export class ProgressRenderer {
  private readonly templates = new Map<string, Template>();

  render(input: {
    versionId: string;
    definition: WorkflowDefinition;
    value: StateValueJson;
    context: { data: unknown; params: unknown; instance: object };
  }): { 'zh-CN': string; en: string } {
    return this.renderPaths({
      versionId: input.versionId,
      definition: input.definition,
      paths: activeStatePaths(input.value),
      context: input.context,
    });
  }

  /** The same from a stored state value ("a.b | c.d"), for lists that do not read snapshots' state trees. */
  renderStateValue(input: {
    versionId: string;
    definition: WorkflowDefinition;
    stateValue: string;
    context: { data: unknown; params: unknown; instance: object };
  }): { 'zh-CN': string; en: string } {
    const paths = input.stateValue
      .split(' | ')
      .flatMap((leaf) => leaf.split('.').map((_segment, index, segments) => segments.slice(0, index + 1).join('.')));
    return this.renderPaths({
      versionId: input.versionId,
      definition: input.definition,
      paths: [...new Set(paths)],
      context: input.context,
    });
  }

  private renderPaths(input: {
    versionId: string;
    definition: WorkflowDefinition;
    paths: string[];
    context: { data: unknown; params: unknown; instance: object };
  }): { 'zh-CN': string; en: string } {
    // The deepest active state with a progress text speaks for the instance.
    const paths = [...input.paths].sort((a, b) => b.split('.').length - a.split('.').length);
    for (const path of paths) {
      const progress = findState(input.definition, path)?.meta?.progress;
      if (progress === undefined) continue;
      // Progress is shown to everyone who sees the request: phone and ID numbers in it masked.
      const context = { ...input.context, data: maskFormTokens(input.context.data) };
      return this.renderText({ key: `${input.versionId}:${path}`, text: progress, context });
    }
    return { 'zh-CN': '', en: '' };
  }

  private renderText(input: { key: string; text: LocalizedText; context: object }): { 'zh-CN': string; en: string } {
    const zh = this.apply({ key: `${input.key}:zh-CN`, source: input.text['zh-CN'], context: input.context });
    const en = input.text.en === undefined ? zh : this.apply({ key: `${input.key}:en`, source: input.text.en, context: input.context });
    return { 'zh-CN': zh, en };
  }

  private apply(input: { key: string; source: string; context: object }): string {
    let template = this.templates.get(input.key);
    if (template === undefined) {
      try {
        template = handlebars.compile(input.source, { noEscape: true, strict: false, knownHelpersOnly: true });
      } catch {
        // A template lint should have refused: show it unrendered rather than fail the request.
        const source = input.source;
        template = () => source;
      }
      if (this.templates.size >= MAX_TEMPLATES) this.templates.clear();
      this.templates.set(input.key, template);
    }
    try {
      return template(input.context);
    } catch {
      return input.source;
    }
  }
}
