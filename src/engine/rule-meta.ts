/**
 * What a rule says about itself (its own module, so that the rule contexts can name it without
 * importing the rules' interface: no cycle).
 */
import type { Category } from '../contract/types.js';
import type { MessageKey } from '../i18n/zh-CN.js';

export interface RuleMeta {
  /** kebab-case, equal to the file name. */
  readonly id: string;
  readonly category: Category;
  readonly description: { readonly zh: string; readonly en: string };
  /** Where the identity comes from (domain.md section, template, notice). */
  readonly basis: string;
  /** Message ids this rule reports; each must exist in every catalogue. */
  readonly messages: readonly MessageKey[];
}
