// kg's graph viewer: draws the embedded network on a canvas. Pan by dragging, zoom with the
// wheel, search by name, hover a node for its relations, click it for its sentences.
// The most connected nodes carry their names without hovering; the names drawn are also
// listed inside the canvas element, for screen readers. Text from articles is only ever set
// with textContent.
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
  // The names always drawn: all of a small graph, else the most connected (ties: most named).
  const LABELLED = 15;
  const ranked = [...data.nodes].sort(
    (a, b) => links.get(b.id).length - links.get(a.id).length || b.mentions - a.mentions,
  );
  const named = new Set(
    (data.nodes.length <= 2 * LABELLED ? ranked : ranked.slice(0, LABELLED)).map((n) => n.id),
  );
  const view = {x: 0, y: 0, scale: 1};
  let drawnLabels = '';
  let selected = null;
  let hovered = null;
  let matches = new Set();

  function colour(type) {
    return data.types[type] || 'rgb(86,180,233)';
  }

  // Scale the layout to the canvas, leaving room for the nodes and for names on the right.
  function fit() {
    const rect = canvas.getBoundingClientRect();
    canvas.width = rect.width * devicePixelRatio;
    canvas.height = rect.height * devicePixelRatio;
    if (!data.nodes.length) return;
    const xs = data.nodes.map((n) => n.x);
    const ys = data.nodes.map((n) => n.y);
    const w = Math.max(...xs) - Math.min(...xs) || 1;
    const h = Math.max(...ys) - Math.min(...ys) || 1;
    const [left, right, top, bottom] = [30, 120, 30, 40];
    const room = Math.min((rect.width - left - right) / w, (rect.height - top - bottom) / h);
    view.scale = Math.max(0.01, Math.min(room, 6));
    view.x = left + (rect.width - left - right) / 2 - view.scale * (Math.min(...xs) + w / 2);
    view.y = top + (rect.height - top - bottom) / 2 - view.scale * (Math.min(...ys) + h / 2);
  }

  function screen(n) {
    return [view.x + view.scale * n.x, view.y + view.scale * n.y];
  }

  function radius(n) {
    return Math.max(3, n.size * Math.sqrt(view.scale) * 0.6);
  }

  function edgeText(e) {
    return data.directed ? e.label : `${e.weight} sentence${e.weight === 1 ? '' : 's'}`;
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
        ctx.fillText(edgeText(e), (x1 + x2) / 2 + 3, (y1 + y2) / 2 - 3);
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
    }
    ctx.globalAlpha = 1;
    drawLabels(focus);
  }

  function overlaps(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }

  // Names after all the dots, so none is hidden under a node: the focus and the matches first,
  // then the most connected, then any node drawn large. A name goes right of its node, else
  // left, above, below or at a corner (a dense part crowds the four sides), where it covers
  // no other name or node; the most connected may cover a node, or go a line further out,
  // rather than go unnamed. Names that fit nowhere are left to hovering.
  function drawLabels(focus) {
    const wanted = [];
    if (focus) wanted.push(focus);
    for (const n of data.nodes) if (matches.has(n.id)) wanted.push(n);
    for (const n of ranked) if (named.has(n.id) || radius(n) > 6) wanted.push(n);
    ctx.font = '12px system-ui, sans-serif';
    const dots = data.nodes.map((n) => {
      const [x, y] = screen(n);
      const r = radius(n);
      return {id: n.id, x: x - r, y: y - r, w: 2 * r, h: 2 * r};
    });
    const taken = [];
    const drawn = [];
    const seen = new Set();
    for (const n of wanted) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      const [x, y] = screen(n);
      const r = radius(n);
      const w = ctx.measureText(n.label).width;
      const places = [
        {x: x + r + 2, y: y - 7, w, h: 13},
        {x: x - r - 2 - w, y: y - 7, w, h: 13},
        {x: x - w / 2, y: y - r - 14, w, h: 13},
        {x: x - w / 2, y: y + r + 1, w, h: 13},
        {x: x + r + 2, y: y - r - 14, w, h: 13},
        {x: x + r + 2, y: y + r + 1, w, h: 13},
        {x: x - r - 2 - w, y: y - r - 14, w, h: 13},
        {x: x - r - 2 - w, y: y + r + 1, w, h: 13},
      ];
      const free = (box) => !taken.some((t) => overlaps(box, t));
      const clear = (box) => free(box) && !dots.some((d) => d.id !== n.id && overlaps(box, d));
      let box = places.find(clear);
      // one of the most connected goes a line further out rather than unnamed
      const further = places.flatMap((b) => [{...b, y: b.y - 14}, {...b, y: b.y + 14}]);
      if (!box && named.has(n.id)) box = places.find(free) || further.find(free);
      if (!box && (n === focus || matches.has(n.id))) box = places[0];
      if (!box) continue;
      taken.push(box);
      drawn.push(n.label);
      ctx.fillStyle = 'rgba(252,252,252,0.8)';
      ctx.fillRect(box.x - 1, box.y, box.w + 2, box.h);
      ctx.fillStyle = '#222';
      ctx.fillText(n.label, box.x, box.y + 10);
    }
    const listed = drawn.join('\n');
    if (listed !== drawnLabels) {
      drawnLabels = listed;
      const list = document.getElementById('graph-labels');
      list.replaceChildren();
      for (const label of drawn) {
        const li = document.createElement('li');
        li.textContent = label;
        list.appendChild(li);
      }
    }
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

  // A list entry; a sentence's entry names its article (title, date), its file or address
  // shown on hover.
  function item(list, text, credit, where) {
    const li = document.createElement('li');
    li.textContent = text;
    if (credit) {
      const from = document.createElement('span');
      from.className = 'source';
      from.textContent = credit;
      if (where) from.title = where;
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
        let text = e.source === n.id ? `${e.label} → ${other.label}` : `${other.label} → ${e.label}`;
        if (!data.directed) text = `${other.label} · ${edgeText(e)}`;
        item(list, text);
      });
      fill('panel-sentences', n.sentences, (list, [text, credit, where]) =>
        item(list, text, credit, where),
      );
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
      : `${data.nodes.length} entities, ${edges.length} ${data.directed ? 'relations' : 'pairs in a sentence'}`;
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
      const names = links.get(n.id).map((e) =>
        data.directed ? e.label : byId.get(e.source === n.id ? e.target : e.source).label,
      );
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
