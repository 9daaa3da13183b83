// kg's graph viewer: draws the embedded network on a canvas. Pan by dragging, zoom with the
// wheel, search by name, hover a node for its relations, click it for its sentences.
// Text from articles is only ever set with textContent.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('kg-data').textContent);
  const canvas = document.getElementById('graph');
  const ctx = canvas.getContext('2d');
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const edges = data.edges.filter((e) => byId.has(e.source) && byId.has(e.target));
  const links = new Map(data.nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    links.get(e.source).push(e);
    links.get(e.target).push(e);
  }
  const view = {x: 0, y: 0, scale: 1};
  let selected = null;
  let hovered = null;
  let matches = new Set();

  function colour(type) {
    return data.types[type] || 'rgb(86,180,233)';
  }

  function fit() {
    const rect = canvas.getBoundingClientRect();
    canvas.width = rect.width * devicePixelRatio;
    canvas.height = rect.height * devicePixelRatio;
    if (!data.nodes.length) return;
    const xs = data.nodes.map((n) => n.x);
    const ys = data.nodes.map((n) => n.y);
    const w = Math.max(...xs) - Math.min(...xs) || 1;
    const h = Math.max(...ys) - Math.min(...ys) || 1;
    view.scale = 0.85 * Math.min(rect.width / w, rect.height / h);
    view.x = rect.width / 2 - view.scale * (Math.min(...xs) + w / 2);
    view.y = rect.height / 2 - view.scale * (Math.min(...ys) + h / 2);
  }

  function screen(n) {
    return [view.x + view.scale * n.x, view.y + view.scale * n.y];
  }

  function radius(n) {
    return Math.max(3, n.size * Math.sqrt(view.scale) * 0.6);
  }

  function draw() {
    ctx.setTransform(devicePixelRatio, 0, 0, devicePixelRatio, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const focus = selected || hovered;
    for (const e of edges) {
      const [x1, y1] = screen(byId.get(e.source));
      const [x2, y2] = screen(byId.get(e.target));
      const lit = focus && (e.source === focus.id || e.target === focus.id);
      ctx.strokeStyle = lit ? 'rgba(40,40,40,0.8)' : 'rgba(120,120,120,0.25)';
      ctx.lineWidth = lit ? 1.5 : 1;
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
      ctx.stroke();
      if (lit) {
        ctx.fillStyle = '#333';
        ctx.font = '11px system-ui, sans-serif';
        ctx.fillText(e.label, (x1 + x2) / 2 + 3, (y1 + y2) / 2 - 3);
      }
    }
    for (const n of data.nodes) {
      const [x, y] = screen(n);
      const r = radius(n);
      ctx.globalAlpha = matches.size && !matches.has(n.id) ? 0.25 : 1;
      ctx.fillStyle = colour(n.type);
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fill();
      if (n === selected || matches.has(n.id)) {
        ctx.strokeStyle = '#000';
        ctx.lineWidth = 2;
        ctx.stroke();
      }
      if (r > 6 || n === focus || matches.has(n.id)) {
        ctx.fillStyle = '#222';
        ctx.font = '12px system-ui, sans-serif';
        ctx.fillText(n.label, x + r + 2, y + 4);
      }
    }
    ctx.globalAlpha = 1;
  }

  function nodeAt(px, py) {
    let best = null;
    let bestDistance = Infinity;
    for (const n of data.nodes) {
      const [x, y] = screen(n);
      const d = Math.hypot(x - px, y - py);
      if (d <= radius(n) + 3 && d < bestDistance) {
        best = n;
        bestDistance = d;
      }
    }
    return best;
  }

  function item(list, text, source) {
    const li = document.createElement('li');
    li.textContent = text;
    if (source) {
      const from = document.createElement('span');
      from.className = 'source';
      from.textContent = source;
      li.appendChild(from);
    }
    list.appendChild(li);
  }

  function fill(id, entries, render) {
    const list = document.getElementById(id);
    list.replaceChildren();
    if (!entries.length) item(list, '—');
    for (const entry of entries) render(list, entry);
  }

  function select(n) {
    selected = n;
    const panel = document.getElementById('panel');
    panel.hidden = !n;
    if (n) {
      document.getElementById('panel-title').textContent = n.label;
      document.getElementById('panel-meta').textContent =
        `${n.type} · ${n.mentions} mentions · ${n.docs} articles`;
      fill('panel-aliases', n.aliases, (list, a) => item(list, a));
      fill('panel-relations', links.get(n.id), (list, e) => {
        const other = byId.get(e.source === n.id ? e.target : e.source);
        const text = e.source === n.id ? `${e.label} → ${other.label}` : `${other.label} → ${e.label}`;
        item(list, text);
      });
      fill('panel-sentences', n.sentences, (list, [text, source]) => item(list, text, source));
    }
    draw();
  }

  function search(text) {
    const query = text.trim().toLowerCase();
    matches = new Set();
    if (query) {
      for (const n of data.nodes) {
        const names = [n.label, ...n.aliases].map((s) => s.toLowerCase());
        if (names.some((s) => s.includes(query))) matches.add(n.id);
      }
    }
    document.getElementById('status').textContent = query
      ? `${matches.size} found`
      : `${data.nodes.length} entities, ${edges.length} relations`;
    const first = data.nodes.find((n) => matches.has(n.id));
    if (first) {
      const rect = canvas.getBoundingClientRect();
      view.x = rect.width / 2 - view.scale * first.x;
      view.y = rect.height / 2 - view.scale * first.y;
    }
    draw();
    return first || null;
  }

  let drag = null;
  canvas.addEventListener('mousedown', (ev) => {
    drag = {x: ev.clientX, y: ev.clientY, moved: false};
  });
  window.addEventListener('mouseup', (ev) => {
    if (drag && !drag.moved) {
      const rect = canvas.getBoundingClientRect();
      select(nodeAt(ev.clientX - rect.left, ev.clientY - rect.top));
    }
    drag = null;
  });
  canvas.addEventListener('mousemove', (ev) => {
    const rect = canvas.getBoundingClientRect();
    if (drag) {
      const dx = ev.clientX - drag.x;
      const dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 2) drag.moved = true;
      view.x += dx;
      view.y += dy;
      drag.x = ev.clientX;
      drag.y = ev.clientY;
      draw();
      return;
    }
    const n = nodeAt(ev.clientX - rect.left, ev.clientY - rect.top);
    const tip = document.getElementById('tip');
    tip.hidden = !n;
    if (n) {
      const names = links.get(n.id).map((e) => e.label);
      tip.textContent = `${n.label} (${n.type})${names.length ? ': ' + [...new Set(names)].join(', ') : ''}`;
      tip.style.left = `${ev.clientX - rect.left + 12}px`;
      tip.style.top = `${ev.clientY - rect.top + 12}px`;
    }
    if (n !== hovered) {
      hovered = n;
      draw();
    }
  });
  canvas.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    const rect = canvas.getBoundingClientRect();
    const px = ev.clientX - rect.left;
    const py = ev.clientY - rect.top;
    const factor = Math.exp(-ev.deltaY * 0.0015);
    view.x = px - (px - view.x) * factor;
    view.y = py - (py - view.y) * factor;
    view.scale *= factor;
    draw();
  }, {passive: false});
  document.getElementById('search').addEventListener('input', (ev) => search(ev.target.value));
  document.getElementById('search').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') select(search(ev.target.value));
  });
  document.getElementById('close').addEventListener('click', () => select(null));
  window.addEventListener('resize', () => {
    fit();
    draw();
  });

  const legend = document.getElementById('legend');
  const present = [...new Set(data.nodes.map((n) => n.type))].sort();
  for (const type of present) {
    const li = document.createElement('li');
    const dot = document.createElement('i');
    dot.style.background = colour(type);
    li.appendChild(dot);
    li.appendChild(document.createTextNode(type));
    legend.appendChild(li);
  }

  fit();
  search('');
  // "#search=Stoltenberg" opens the first match (a link into the graph); "#click=Stoltenberg"
  // searches, then clicks the first match where it is drawn (how headless tests click).
  const params = new URLSearchParams(location.hash.slice(1));
  const wanted = params.get('search');
  if (wanted) {
    document.getElementById('search').value = wanted;
    select(search(wanted));
  }
  const clicked = params.get('click');
  if (clicked) {
    document.getElementById('search').value = clicked;
    const target = search(clicked);
    if (target) {
      const rect = canvas.getBoundingClientRect();
      const [x, y] = screen(target);
      const at = {clientX: rect.left + x, clientY: rect.top + y, bubbles: true};
      canvas.dispatchEvent(new MouseEvent('mousedown', at));
      window.dispatchEvent(new MouseEvent('mouseup', at));
    }
  }
  document.body.dataset.ready = String(data.nodes.length);
})();
