/**
 * Trusted Types (CSP `require-trusted-types-for 'script'`): the browser refuses a plain string at every DOM sink that
 * can run script (innerHTML, script URLs). The app passes values only through these policies, each of which makes
 * its value itself or checks it, so that no other path can write markup or load script.
 */
interface TrustedTypePolicyRules {
  createHTML?: (input: string) => string;
  createScriptURL?: (input: string) => string | null;
}
interface TrustedTypePolicy {
  createHTML(input: string): TrustedHTML;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: TrustedTypePolicyRules): TrustedTypePolicy;
}

const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;

/**
 * Markup made from text by `render` (markdown-it with raw HTML off), and nothing else: the policy renders the
 * source itself, so a string from anywhere else cannot become HTML through it.
 */
export function htmlPolicy(name: string, render: (source: string) => string): (source: string) => string | TrustedHTML {
  const policy = factory?.createPolicy(name, { createHTML: render });
  return policy ? (source) => policy.createHTML(source) : render;
}

/**
 * Script URLs the app itself loads (its service worker, the import reader's worker) are strings from workbox-window
 * and Vite: the default policy lets through only those of this origin. No `createHTML`: markup never passes by default.
 */
export function allowOwnScriptUrls(): void {
  factory?.createPolicy('default', {
    createScriptURL: (url) => (new URL(url, location.href).origin === location.origin ? url : null),
  });
}
