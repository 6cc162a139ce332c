// Types of the <sportello-cv> element's JavaScript API. The data types (Profile,
// Vacancy) are generated from the Rust types (see profile.d.ts, vacancy.d.ts).
import type { Profile } from './profile';

export interface TemplateInfo { name: string; description: string; builtin: boolean }
export interface Problem { severity: 'error' | 'warning'; path: string; message: string; hint?: string | null }
export interface SportelloError { kind: string; message: string; hint: string | null; problems: Problem[] }

export declare class SportelloCv extends HTMLElement {
  /** A copy of the profile being edited; setting it fills in the form. */
  profile: Profile;
  /** Resolves when the WebAssembly engine is ready. */
  readonly ready: Promise<{ version: string; templates: TemplateInfo[]; locales: string[] }>;
  /** The CV's text in reading order, as an applicant tracking system reads it. */
  cvText(): Promise<string>;
}

declare global {
  interface HTMLElementTagNameMap { 'sportello-cv': SportelloCv }
  interface HTMLElementEventMap {
    'sportello-ready': CustomEvent<{ version: string; templates: TemplateInfo[] }>;
    'sportello-preview': CustomEvent<{ seq: number; ms: number; renderMs: number; pages: number }>;
    'sportello-preview-error': CustomEvent<{ seq: number; error: SportelloError }>;
    'sportello-matches': CustomEvent<{ count: number }>;
    'sportello-error': CustomEvent<{ error: SportelloError }>;
  }
}
