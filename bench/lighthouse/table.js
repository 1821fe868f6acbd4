// Prints the table for bench/lighthouse/run from Lighthouse's JSON reports.
const fs = require('fs');
const cats = ['performance', 'accessibility', 'best-practices', 'seo'];
const rows = [];
const detail = [];
for (const file of process.argv.slice(2)) {
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  const a = r.audits;
  const origin = new URL(r.finalDisplayedUrl || r.requestedUrl).origin;
  const requests = (a['network-requests'].details || {}).items || [];
  const elsewhere = requests.filter(q => q.url.startsWith('http') && new URL(q.url).origin !== origin);
  const kb = Math.round(a['total-byte-weight'].numericValue / 102.4) / 10;
  rows.push([new URL(r.requestedUrl).pathname,
    ...cats.map(c => r.categories[c].score === null ? '-' : Math.round(r.categories[c].score * 100)),
    (a['largest-contentful-paint'].numericValue / 1000).toFixed(1) + ' s',
    Math.round(a['total-blocking-time'].numericValue) + ' ms',
    kb + ' KB', requests.length, elsewhere.length]);
  for (const c of cats) {
    for (const ref of r.categories[c].auditRefs) {
      const audit = a[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
        detail.push(`${new URL(r.requestedUrl).pathname}  ${c}: ${audit.id} (${audit.displayValue || audit.score})`);
      }
    }
  }
  for (const q of elsewhere) detail.push(`${new URL(r.requestedUrl).pathname}  other site: ${q.url}`);
}
const head = ['page', ...cats, 'LCP', 'TBT', 'transferred', 'requests', 'to other sites'];
console.log('| ' + head.join(' | ') + ' |');
console.log('|' + head.map(() => ' --- ').join('|') + '|');
for (const row of rows) console.log('| ' + row.join(' | ') + ' |');
if (detail.length) console.log('\nAudits short of full marks (a category may still round to 100):\n' + detail.join('\n'));
