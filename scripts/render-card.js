#!/usr/bin/env node
// Renders a Lark card JSON 2.0 (as the bot creates it; bench/LiveCardBench --dump-card writes one) into an HTML page
// that approximates how the Lark client shows it in a thread, and optionally screenshots that page with headless
// Chromium. Node built-ins only.
//
//   node scripts/render-card.js card.json out.html [--png out.png] [--question "text"] [--chromium /usr/bin/chromium]
//
// Covered: header (title, template colour), markdown elements (paragraphs, fenced code, lists, bold, italic, inline
// code, links), text_size "notation", column_set/column, button. Anything else shows as a grey placeholder.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const [input, output] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !(i > 0 && all[i - 1].startsWith('--')));
if (!input || !output) {
  console.error('usage: node scripts/render-card.js card.json out.html [--png out.png] [--question "text"] [--chromium path]');
  process.exit(2);
}
const card = JSON.parse(fs.readFileSync(input, 'utf8'));
if (card.schema !== '2.0') {
  console.error(`${input}: not a card JSON 2.0 (schema is ${JSON.stringify(card.schema)})`);
  process.exit(1);
}

const escape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(text) {
  const codes = [];
  let s = text.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_, __, code) => {
    codes.push(`<code>${escape(code.trim())}</code>`);
    return `\u0000${codes.length - 1}\u0000`;
  });
  s = escape(s)
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>')
    .replace(/~~([^~]+)~~/g, '<del>$1</del>');
  return s.replace(/\u0000(\d+)\u0000/g, (_, i) => codes[Number(i)]);
}

function markdown(source) {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const html = [];
  let paragraph = [];
  let list = null;
  const flush = () => {
    if (paragraph.length) html.push(`<p>${paragraph.map(inline).join('<br>')}</p>`);
    paragraph = [];
    if (list) html.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${list.tag}>`);
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^(\s*)(`{3,}|~{3,})\s*([^`\s]*)/.exec(line);
    if (fence) {
      flush();
      const code = [];
      const closer = new RegExp(`^\\s*${fence[2][0] === '`' ? '`' : '~'}{${fence[2].length},}\\s*$`);
      for (i++; i < lines.length && !closer.test(lines[i]); i++) code.push(lines[i].slice(Math.min(fence[1].length, lines[i].search(/\S|$/))));
      html.push(`<pre data-lang="${escape(fence[3])}"><code>${escape(code.join('\n'))}</code></pre>`);
      continue;
    }
    const item = /^\s*([-*+]|\d{1,9}[.)])\s+(.*)$/.exec(line);
    if (item) {
      const tag = /\d/.test(item[1]) ? 'ol' : 'ul';
      if (paragraph.length || (list && list.tag !== tag)) flush();
      list = list || { tag, items: [] };
      list.items.push(item[2]);
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      html.push(`<h${heading[1].length + 2}>${inline(heading[2])}</h${heading[1].length + 2}>`);
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (list) flush();
    paragraph.push(line);
  }
  flush();
  return html.join('\n');
}

function element(e) {
  switch (e.tag) {
    case 'markdown':
      return `<div class="md${e.text_size === 'notation' ? ' notation' : ''}">${markdown(e.content === '\u00a0' ? '' : e.content || '')}</div>`;
    case 'column_set':
      return `<div class="columns">${(e.columns || []).map(element).join('')}</div>`;
    case 'column':
      return `<div class="column">${(e.elements || []).map(element).join('')}</div>`;
    case 'button':
      return `<button class="${escape(e.type || 'default')} ${escape(e.size || 'medium')}">${escape(e.text ? e.text.content : '')}</button>`;
    case 'hr':
      return '<hr>';
    default:
      return `<div class="unknown">[${escape(e.tag)}]</div>`;
  }
}

const templates = { blue: '#3370ff', wathet: '#7bc6ff', turquoise: '#2ea79b', green: '#34c724', yellow: '#ffc60a', orange: '#ff8800', red: '#f54a45', carmine: '#e22e6b', violet: '#b04cd8', purple: '#7f3bf5', indigo: '#4954e6', grey: '#8f959e' };
const header = card.header && card.header.title
  ? `<div class="header" style="background:${templates[card.header.template] || '#eff0f1'};color:${card.header.template ? '#fff' : '#1f2329'}">${escape(card.header.title.content)}</div>`
  : '';
const question = option('--question', null);
const streaming = card.config && card.config.streaming_mode;

const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>Lark card</title>
<style>
  body { margin: 0; background: #f5f6f7; font: 14px/1.6 -apple-system, "PingFang SC", "Noto Sans", "DejaVu Sans", sans-serif; color: #1f2329; }
  .thread { width: 600px; padding: 16px 20px 20px; }
  .message { display: flex; gap: 10px; margin-top: 14px; }
  .avatar { width: 32px; height: 32px; border-radius: 50%; flex: none; display: flex; align-items: center; justify-content: center; color: #fff; font-size: 13px; }
  .name { font-size: 12px; color: #646a73; margin-bottom: 4px; }
  .tag { font-size: 10px; background: #e1eaff; color: #245bdb; border-radius: 3px; padding: 0 4px; margin-left: 4px; }
  .bubble { background: #fff; border-radius: 8px; padding: 8px 12px; box-shadow: 0 1px 2px rgba(31,35,41,.06); }
  .card { width: 520px; background: #fff; border: 1px solid #dee0e3; border-radius: 8px; overflow: hidden; }
  .header { padding: 12px 16px; font-weight: 600; font-size: 16px; }
  .body { padding: 12px 16px; display: flex; flex-direction: column; gap: 8px; }
  .md p { margin: 0 0 8px; } .md p:last-child { margin-bottom: 0; }
  .md ol, .md ul { margin: 0 0 8px; padding-left: 22px; }
  .md pre { background: #f5f6f7; border-radius: 6px; padding: 8px 10px; margin: 0 0 8px; overflow: hidden; white-space: pre; }
  .md pre code { background: none; padding: 0; font-size: 12px; }
  .md code { font: 12px/1.6 "DejaVu Sans Mono", Menlo, monospace; background: #f0f1f2; border-radius: 4px; padding: 1px 4px; }
  .md a { color: #245bdb; text-decoration: none; }
  .notation { font-size: 12px; color: #8f959e; }
  .columns { display: flex; gap: 8px; }
  button { font: inherit; font-size: 12px; background: #fff; border: 1px solid #d0d3d6; border-radius: 6px; padding: 2px 12px; }
  .unknown { color: #8f959e; font-size: 12px; }
  .cursor { display: inline-block; width: 7px; height: 14px; background: #3370ff; vertical-align: -2px; }
</style></head>
<body><div class="thread">
${question ? `<div class="message"><div class="avatar" style="background:#7f3bf5">A</div><div><div class="name">Alex</div><div class="bubble"><span style="color:#245bdb">@ChatOps</span> ${escape(question)}</div></div></div>` : ''}
<div class="message"><div class="avatar" style="background:#3370ff">🤖</div><div><div class="name">ChatOps<span class="tag">Bot</span></div>
<div class="card">${header}<div class="body">
${(card.body && card.body.elements ? card.body.elements : []).map(element).join('\n')}
${streaming ? '<div><span class="cursor"></span></div>' : ''}
</div></div></div></div>
</div>
<script>document.title = 'height:' + Math.ceil(document.querySelector('.thread').getBoundingClientRect().height);</script>
</body></html>
`;
fs.writeFileSync(output, page);
console.log(`wrote ${output}`);

const png = option('--png', null);
if (png) {
  const chromium = option('--chromium', ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => fs.existsSync(p)));
  if (!chromium) {
    console.error('no Chromium found (apt-get install chromium, or pass --chromium PATH); the HTML page is written');
    process.exit(1);
  }
  const url = 'file://' + path.resolve(output);
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--force-device-scale-factor=2'];
  // First pass: the page reports its height in its title, so the screenshot is cut to the content.
  const dom = execFileSync(chromium, [...flags, '--window-size=640,2000', '--dump-dom', url], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const height = Number((/<title>height:(\d+)<\/title>/.exec(dom) || [])[1] || 900);
  execFileSync(chromium, [...flags, `--window-size=640,${height}`, `--screenshot=${path.resolve(png)}`, url], { stdio: ['ignore', 'ignore', 'ignore'] });
  console.log(`wrote ${png} (640x${height} CSS px at 2x)`);
}
