// Draws the demo's illustrative SVG images (abstract 800x450 scenes) into demo/images/, so the demo needs no outside assets.
// Run: node scripts/make-demo-images.mjs
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'demo/images');

const W = 800;
const H = 450;

/** Rounds for compact, stable output. */
const n = (v) => Math.round(v * 10) / 10;

const escapeXml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

// ---- shapes -------------------------------------------------------------

function gear(cx, cy, r, teeth, fill, hole = '#ffffff') {
  const inner = r * 0.82;
  const pts = [];
  for (let i = 0; i < teeth; i++) {
    const a = (i / teeth) * Math.PI * 2;
    const step = (Math.PI * 2) / teeth;
    for (const [t, rad] of [
      [0, inner],
      [0.15, r],
      [0.45, r],
      [0.6, inner],
    ]) {
      const ang = a + step * t;
      pts.push(`${n(cx + Math.cos(ang) * rad)},${n(cy + Math.sin(ang) * rad)}`);
    }
  }
  return `<g><polygon points="${pts.join(' ')}" fill="${fill}"/><circle cx="${cx}" cy="${cy}" r="${n(r * 0.3)}" fill="${hole}" opacity="0.9"/></g>`;
}

function robotArm(x, y, c1, c2) {
  return `<g stroke-linecap="round">
    <rect x="${x - 70}" y="${y}" width="140" height="26" rx="8" fill="${c2}"/>
    <rect x="${x - 30}" y="${y - 40}" width="60" height="44" rx="10" fill="${c1}"/>
    <line x1="${x}" y1="${y - 30}" x2="${x + 70}" y2="${y - 170}" stroke="${c1}" stroke-width="34"/>
    <line x1="${x + 70}" y1="${y - 170}" x2="${x + 190}" y2="${y - 120}" stroke="${c1}" stroke-width="26"/>
    <circle cx="${x}" cy="${y - 30}" r="24" fill="${c2}"/>
    <circle cx="${x + 70}" cy="${y - 170}" r="20" fill="${c2}"/>
    <circle cx="${x + 190}" cy="${y - 120}" r="14" fill="${c2}"/>
    <path d="M${x + 196} ${y - 112} l26 22 m-26 -22 l34 -6" stroke="${c2}" stroke-width="10" fill="none"/>
  </g>`;
}

function train(x, y, body, trim) {
  return `<g>
    <rect x="${x}" y="${y}" width="330" height="96" rx="18" fill="${body}"/>
    <path d="M${x + 330} ${y} h40 q40 0 52 48 v48 h-92 z" fill="${body}"/>
    <rect x="${x + 20}" y="${y + 18}" width="52" height="34" rx="6" fill="${trim}"/>
    <rect x="${x + 88}" y="${y + 18}" width="52" height="34" rx="6" fill="${trim}"/>
    <rect x="${x + 156}" y="${y + 18}" width="52" height="34" rx="6" fill="${trim}"/>
    <rect x="${x + 224}" y="${y + 18}" width="52" height="34" rx="6" fill="${trim}"/>
    <path d="M${x + 342} ${y + 14} h26 q22 0 30 34 h-56 z" fill="${trim}"/>
    <rect x="${x}" y="${y + 66}" width="422" height="8" fill="${trim}" opacity="0.7"/>
    <circle cx="${x + 60}" cy="${y + 104}" r="16" fill="#1f2933"/>
    <circle cx="${x + 130}" cy="${y + 104}" r="16" fill="#1f2933"/>
    <circle cx="${x + 290}" cy="${y + 104}" r="16" fill="#1f2933"/>
    <circle cx="${x + 360}" cy="${y + 104}" r="16" fill="#1f2933"/>
  </g>`;
}

function rails(y, color) {
  let sleepers = '';
  for (let x = 10; x < W; x += 38)
    sleepers += `<rect x="${x}" y="${y + 4}" width="22" height="14" rx="2" fill="${color}" opacity="0.55"/>`;
  return `<g>${sleepers}<rect x="0" y="${y}" width="${W}" height="6" fill="${color}"/></g>`;
}

function signal(x, y, lit) {
  return `<g>
    <rect x="${x - 5}" y="${y}" width="10" height="190" fill="#1f2933"/>
    <rect x="${x - 26}" y="${y - 96}" width="52" height="112" rx="14" fill="#1f2933"/>
    <circle cx="${x}" cy="${y - 70}" r="14" fill="${lit === 'red' ? '#ff5a5a' : '#3d4852'}"/>
    <circle cx="${x}" cy="${y - 40}" r="14" fill="${lit === 'amber' ? '#ffc145' : '#3d4852'}"/>
    <circle cx="${x}" cy="${y - 10}" r="14" fill="${lit === 'green' ? '#4ce08a' : '#3d4852'}"/>
  </g>`;
}

function solarPanel(x, y, w, h, frame, cell) {
  let cells = '';
  const cols = 6;
  const rows = 3;
  const cw = (w - 16) / cols;
  const ch = (h - 16) / rows;
  for (let i = 0; i < cols; i++)
    for (let j = 0; j < rows; j++)
      cells += `<rect x="${n(x + 8 + i * cw + 2)}" y="${n(y + 8 + j * ch + 2)}" width="${n(cw - 4)}" height="${n(ch - 4)}" rx="2" fill="${cell}"/>`;
  return `<g transform="skewX(-14)"><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6" fill="${frame}"/>${cells}</g>
    <rect x="${x + w / 2 - 60}" y="${y + h}" width="10" height="60" fill="${frame}"/>`;
}

function sun(cx, cy, r, color) {
  let rays = '';
  for (let i = 0; i < 12; i++) {
    const a = (i / 12) * Math.PI * 2;
    rays += `<line x1="${n(cx + Math.cos(a) * (r + 12))}" y1="${n(cy + Math.sin(a) * (r + 12))}" x2="${n(cx + Math.cos(a) * (r + 34))}" y2="${n(cy + Math.sin(a) * (r + 34))}" stroke="${color}" stroke-width="6" stroke-linecap="round"/>`;
  }
  return `<g><circle cx="${cx}" cy="${cy}" r="${r}" fill="${color}"/>${rays}</g>`;
}

function car(x, y, body, glass) {
  return `<g>
    <path d="M${x} ${y + 70} q0 -34 34 -38 l60 -8 q40 -46 110 -46 h60 q54 0 92 50 l48 8 q30 6 30 34 v22 h-434 z" fill="${body}"/>
    <path d="M${x + 112} ${y + 22} q30 -34 88 -34 h26 v36 z" fill="${glass}"/>
    <path d="M${x + 244} ${y - 12} h26 q40 0 66 36 h-92 z" fill="${glass}"/>
    <circle cx="${x + 100}" cy="${y + 94}" r="34" fill="#1f2933"/><circle cx="${x + 100}" cy="${y + 94}" r="14" fill="#cbd2d9"/>
    <circle cx="${x + 334}" cy="${y + 94}" r="34" fill="#1f2933"/><circle cx="${x + 334}" cy="${y + 94}" r="14" fill="#cbd2d9"/>
    <path d="M${x + 210} ${y + 40} l-16 26 h16 l-10 24 l28 -34 h-16 l10 -16 z" fill="#ffe066"/>
  </g>`;
}

function charger(x, y, color, cable) {
  return `<g>
    <rect x="${x}" y="${y}" width="70" height="150" rx="12" fill="${color}"/>
    <rect x="${x + 14}" y="${y + 16}" width="42" height="32" rx="4" fill="#1f2933"/>
    <rect x="${x + 20}" y="${y + 24}" width="22" height="16" rx="2" fill="#4ce08a"/>
    <path d="M${x} ${y + 90} q-60 0 -70 60" stroke="${cable}" stroke-width="8" fill="none"/>
  </g>`;
}

function handshake(cx, cy, left, right) {
  // Two rounded "hands" meeting in the middle, fingers interleaved.
  return `<g>
    <rect x="${cx - 300}" y="${cy - 10}" width="220" height="70" rx="30" fill="${left}"/>
    <rect x="${cx + 80}" y="${cy - 10}" width="220" height="70" rx="30" fill="${right}"/>
    <path d="M${cx - 110} ${cy - 8} q70 -50 140 -6 l40 24 q14 12 0 22 l-54 -10 q-40 50 -126 34 z" fill="${left}"/>
    <path d="M${cx + 110} ${cy + 58} q-70 40 -150 2 l-22 -24 q-8 -14 8 -18 l60 12 q34 -30 104 -40 z" fill="${right}" opacity="0.95"/>
    <rect x="${cx - 16}" y="${cy - 2}" width="22" height="44" rx="11" fill="${left}" opacity="0.85"/>
    <rect x="${cx + 10}" y="${cy + 4}" width="22" height="44" rx="11" fill="${right}" opacity="0.85"/>
  </g>`;
}

function trophy(cx, cy, gold, base) {
  return `<g>
    <path d="M${cx - 70} ${cy - 120} h140 v40 q0 80 -70 96 q-70 -16 -70 -96 z" fill="${gold}"/>
    <path d="M${cx - 70} ${cy - 110} q-50 0 -46 36 q4 34 52 40" stroke="${gold}" stroke-width="12" fill="none"/>
    <path d="M${cx + 70} ${cy - 110} q50 0 46 36 q-4 34 -52 40" stroke="${gold}" stroke-width="12" fill="none"/>
    <rect x="${cx - 14}" y="${cy + 14}" width="28" height="40" fill="${gold}"/>
    <rect x="${cx - 56}" y="${cy + 52}" width="112" height="34" rx="6" fill="${base}"/>
    <path d="M${cx} ${cy - 96} l10 20 l22 3 l-16 15 l4 22 l-20 -10 l-20 10 l4 -22 l-16 -15 l22 -3 z" fill="#fff8dc"/>
  </g>`;
}

function person(x, y, body, head, scale = 1) {
  return `<g transform="translate(${x} ${y}) scale(${scale})">
    <circle cx="0" cy="-120" r="30" fill="${head}"/>
    <path d="M-50 0 v-50 q0 -38 50 -38 q50 0 50 38 v50 z" fill="${body}"/>
  </g>`;
}

function board(x, y, w, h, color, ink) {
  return `<g>
    <rect x="${x}" y="${y}" width="${w}" height="${h}" rx="8" fill="${color}"/>
    <path d="M${x + 30} ${y + h - 40} l60 -50 l50 30 l70 -70" stroke="${ink}" stroke-width="8" fill="none" stroke-linecap="round" stroke-linejoin="round"/>
    <rect x="${x + 30}" y="${y + 24}" width="${w * 0.4}" height="10" rx="5" fill="${ink}" opacity="0.7"/>
  </g>`;
}

function workshopBuilding(x, y, wall, roof, door) {
  return `<g>
    <rect x="${x}" y="${y}" width="360" height="170" fill="${wall}"/>
    <path d="M${x - 20} ${y} l60 -60 h280 l60 60 z" fill="${roof}"/>
    <path d="M${x + 140} ${y + 170} v-80 a40 40 0 0 1 80 0 v80 z" fill="${door}"/>
    <rect x="${x + 30}" y="${y + 40}" width="70" height="50" rx="4" fill="${door}" opacity="0.7"/>
    <rect x="${x + 260}" y="${y + 40}" width="70" height="50" rx="4" fill="${door}" opacity="0.7"/>
    <rect x="${x + 110}" y="${y - 44}" width="140" height="26" rx="4" fill="${wall}" opacity="0.9"/>
  </g>`;
}

function gradCap(cx, cy, color, tassel) {
  return `<g>
    <path d="M${cx} ${cy - 40} l90 36 l-90 36 l-90 -36 z" fill="${color}"/>
    <path d="M${cx - 52} ${cy + 12} v30 q52 26 104 0 v-30 l-52 20 z" fill="${color}"/>
    <path d="M${cx + 60} ${cy + 6} v44" stroke="${tassel}" stroke-width="6"/>
    <circle cx="${cx + 60}" cy="${cy + 54}" r="8" fill="${tassel}"/>
  </g>`;
}

function hills(color, y = 330) {
  return `<path d="M0 ${y} q120 -70 240 -20 t260 -30 t300 10 V${H} H0 z" fill="${color}" opacity="0.35"/>`;
}

function dots(color) {
  let s = '';
  for (let x = 40; x < W; x += 80)
    for (let y = 30; y < 300; y += 80) s += `<circle cx="${x}" cy="${y}" r="3" fill="${color}" opacity="0.25"/>`;
  return s;
}

// ---- compositions -------------------------------------------------------

function frame({ from, to, caption, scene, title }) {
  const id = `g${Math.abs([...title].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7))}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-t">
  <title id="${id}-t">${escapeXml(title)}</title>
  <defs>
    <linearGradient id="${id}" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${from}"/>
      <stop offset="1" stop-color="${to}"/>
    </linearGradient>
  </defs>
  <rect width="${W}" height="${H}" fill="url(#${id})"/>
  ${dots('#ffffff')}
  ${scene}
  <rect x="0" y="${H - 56}" width="${W}" height="56" fill="#0b1620" opacity="0.55"/>
  <text x="28" y="${H - 20}" fill="#ffffff" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="24" font-weight="600">${escapeXml(caption)}</text>
</svg>
`;
}

const images = {
  'workshop-almaty.svg': {
    title: 'A workshop building with gears beside it',
    caption: 'Mechatronics lab · Almaty',
    from: '#1e6fb8',
    to: '#2bb3a3',
    scene: `${hills('#0b3c5d')}${workshopBuilding(120, 180, '#f4f7fa', '#0b3c5d', '#7cc6e8')}${gear(600, 170, 90, 12, '#ffd166')}${gear(700, 290, 56, 9, '#ef476f')}`,
  },
  'robotics-dushanbe.svg': {
    title: 'An industrial robot arm on a base',
    caption: 'Industrial robotics · Dushanbe',
    from: '#3a0ca3',
    to: '#4895ef',
    scene: `${hills('#14004d', 340)}${robotArm(300, 350, '#ff9f1c', '#2b2d42')}<rect x="520" y="300" width="200" height="56" rx="8" fill="#edf2f4"/><rect x="560" y="270" width="50" height="34" rx="4" fill="#2ec4b6"/>${gear(680, 120, 50, 10, '#edf2f4', '#4895ef')}`,
  },
  'contest-mechatronics.svg': {
    title: 'A trophy between two gears',
    caption: 'Skills contest · Mechatronics',
    from: '#f77f00',
    to: '#d62828',
    scene: `${gear(190, 200, 100, 12, '#fcbf49', '#d62828')}${gear(620, 230, 80, 10, '#eae2b7', '#f77f00')}${trophy(400, 240, '#ffd60a', '#003049')}`,
  },
  'visit-tashkent.svg': {
    title: 'Two hands in a handshake',
    caption: 'Partner visit · Tashkent',
    from: '#0f4c5c',
    to: '#5f0f40',
    scene: `<circle cx="400" cy="190" r="150" fill="#ffffff" opacity="0.08"/>${handshake(400, 170, '#fb8b24', '#f6d8ae')}<path d="M110 320 h580" stroke="#ffffff" stroke-width="2" opacity="0.3"/>`,
  },
  'ev-tashkent.svg': {
    title: 'An electric car at a charging post',
    caption: 'New-energy vehicles · Tashkent',
    from: '#00a896',
    to: '#05668d',
    scene: `${hills('#02394a', 350)}${car(120, 240, '#f0f3bd', '#028090')}${charger(640, 200, '#eef4f7', '#1f2933')}`,
  },
  'teacher-exchange.svg': {
    title: 'Two teachers beside a whiteboard',
    caption: 'Teacher exchange',
    from: '#6a4c93',
    to: '#1982c4',
    scene: `${board(330, 80, 340, 220, '#f8f9fa', '#1982c4')}${person(200, 360, '#ffca3a', '#ffe8b6', 1.2)}${person(560, 380, '#8ac926', '#ffe8b6', 0.9)}`,
  },
  'railway-signalling.svg': {
    title: 'A train passing a signal',
    caption: 'Railway signalling',
    from: '#264653',
    to: '#2a9d8f',
    scene: `${hills('#0d1b1e', 320)}${rails(376, '#e9c46a')}${train(60, 260, '#e76f51', '#f4f1de')}${signal(640, 186, 'green')}`,
  },
  'contest-robotics.svg': {
    title: 'A robot arm lifting a trophy',
    caption: 'International robotics contest',
    from: '#7209b7',
    to: '#f72585',
    scene: `${robotArm(200, 360, '#4cc9f0', '#240046')}${trophy(580, 250, '#ffd60a', '#240046')}`,
  },
  'solar-samarkand.svg': {
    title: 'Solar panels under the sun',
    caption: 'Solar power course · Samarkand',
    from: '#ff9e00',
    to: '#ff4800',
    scene: `${sun(650, 100, 50, '#fff3b0')}${hills('#7a2e00', 330)}${solarPanel(200, 190, 260, 120, '#1d3557', '#457b9d')}${solarPanel(470, 220, 200, 100, '#1d3557', '#a8dadc')}`,
  },
  'agreement-almaty.svg': {
    title: 'A signed agreement and a handshake',
    caption: 'Cooperation agreement · Almaty',
    from: '#14213d',
    to: '#3a86ff',
    scene: `<rect x="250" y="40" width="300" height="240" rx="10" fill="#f8f9fa" transform="rotate(-4 400 160)"/><g transform="rotate(-4 400 160)"><rect x="290" y="80" width="220" height="12" rx="6" fill="#adb5bd"/><rect x="290" y="110" width="180" height="12" rx="6" fill="#adb5bd"/><rect x="290" y="140" width="200" height="12" rx="6" fill="#adb5bd"/><path d="M300 230 q30 -30 50 0 t60 -6" stroke="#3a86ff" stroke-width="5" fill="none"/><circle cx="470" cy="230" r="26" fill="#e63946"/></g>${handshake(400, 320, '#ffbe0b', '#fb5607')}`,
  },
  'workshop-dushanbe.svg': {
    title: 'Graduation caps over a workshop',
    caption: 'Graduates · Dushanbe',
    from: '#2d6a4f',
    to: '#95d5b2',
    scene: `${hills('#081c15', 320)}${workshopBuilding(220, 210, '#f1faee', '#1b4332', '#52b788')}${gradCap(150, 120, '#081c15', '#ffd166')}${gradCap(650, 110, '#081c15', '#ffd166')}`,
  },
  'railway-course.svg': {
    title: 'A train and a signal at dusk',
    caption: 'Signalling course · Ust-Kamenogorsk',
    from: '#3d405b',
    to: '#e07a5f',
    scene: `${sun(140, 110, 40, '#f2cc8f')}${rails(376, '#f4f1de')}${signal(150, 186, 'amber')}${train(300, 260, '#81b29a', '#f4f1de')}`,
  },
  'college-logo.svg': {
    title: 'Jingyuan Vocational College',
    caption: 'Jingyuan Vocational College',
    from: '#0b3c5d',
    to: '#328cc1',
    scene: `${gear(400, 180, 110, 14, '#d9b310', '#0b3c5d')}<text x="400" y="196" text-anchor="middle" fill="#ffffff" font-family="system-ui, sans-serif" font-size="44" font-weight="700">JV</text>`,
  },
};

await mkdir(outDir, { recursive: true });
for (const [file, spec] of Object.entries(images)) {
  await writeFile(path.join(outDir, file), frame(spec));
}
console.log(`wrote ${Object.keys(images).length} images to ${path.relative(process.cwd(), outDir) || '.'}`);
