// Reading the built site's HTML files from Node (no browser): which pages there are, and
// their start tags with their attributes.
import fs from 'node:fs';
import path from 'node:path';

/** Every index.html under `root` (a built site), and its 404.html: the site's pages. */
export function htmlPages(root) {
  const pages = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name === 'index.html') pages.push(file);
    }
  };
  walk(root);
  pages.push(path.join(root, '404.html'));
  return pages;
}

/** The start tags of an HTML file: { name, attributes: Map }. Quoted values may hold '>'. */
export function startTags(html) {
  const tags = [];
  const tag = /<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g;
  const attribute = /([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?/g;
  for (const [, name, rest] of html.matchAll(tag)) {
    const attributes = new Map();
    for (const [, key, value = ''] of rest.matchAll(attribute)) {
      attributes.set(key.toLowerCase(), value.replace(/^["']|["']$/g, '').replaceAll('&#x27;', "'").replaceAll('&quot;', '"'));
    }
    tags.push({ name: name.toLowerCase(), attributes });
  }
  return tags;
}
