/* eslint-disable */
// GENERATED from templates/pack.schema.json by `estateflow pack types` (json-schema-to-typescript).
// Do not edit: change the schemas and regenerate; a test fails when this file is stale.
/**
 * pack.json: what a template pack is, which engines it runs on, and the checksum of every file it carries.
 */
export interface PackManifest {
  /**
   * Editor hint; ignored.
   */
  $schema?: string;
  /**
   * Version of the pack format.
   */
  formatVersion: 1;
  /**
   * Unique name of the pack, e.g. "repair".
   */
  name: string;
  /**
   * Semantic version of the pack.
   */
  version: string;
  /**
   * Semver range of engine versions the pack runs on, e.g. ">=0.1.0 <1.0.0".
   */
  engine: string;
  title: LocalizedText;
  description: LocalizedText;
  author: string;
  /**
   * An SPDX licence identifier or "proprietary".
   */
  licence: string;
  homepage?: string;
  /**
   * Workflow keys; each lives in workflows/<key>/.
   *
   * @minItems 1
   * @maxItems 50
   */
  workflows: [string, ...string[]];
  /**
   * Every file of the pack but pack.json → "sha256:<hex>" of its bytes.
   */
  contents: {
    [k: string]: string | undefined;
  };
}
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}
