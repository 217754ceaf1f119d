import MarkdownIt from 'markdown-it';
import { useMemo } from 'react';
import { htmlPolicy } from './trusted-types';

/**
 * Help texts use simple Markdown. With `html: false` markdown-it escapes any raw HTML, and its link validation
 * drops `javascript:`/`vbscript:`/`data:` URLs, so questionnaire text can never inject markup or script.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
const defaultLinkOpen = markdown.renderer.rules.link_open;
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]?.attrSet('rel', 'noopener noreferrer');
  tokens[idx]?.attrSet('target', '_blank');
  return defaultLinkOpen ? defaultLinkOpen(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
};

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

const markdownHtml = htmlPolicy('conformo-markdown', renderMarkdown);

export function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => markdownHtml(source), [source]);
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
