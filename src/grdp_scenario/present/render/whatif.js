// The report's what-if, recomputed in the page as the reader edits rates (no network, no library).
// A port of core/evaluate.py (periods, contributions, goals: docs/method.md §1, §2, §7) and of
// core/overrides.py (overrides resolved together: §8) over the live model the report embeds
// (present/views/live.py). tests/test_browser.py compares what it shows with `grdp-scenario whatif`.
(function () {
  "use strict";
  var M = JSON.parse(document.getElementById("grdp-model").textContent);
  var L = M.labels;
  var SINGULAR = 1e-9;

  // ----- arithmetic (core/growth.py, core/evaluate.py) ------------------------------------------
  function fsum(xs) { // Neumaier's compensated sum: as exact as the printed digits need
    var s = 0, c = 0;
    xs.forEach(function (x) {
      var t = s + x;
      c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
      s = t;
    });
    return s + c;
  }
  function weighted(pairs) {
    var total = fsum(pairs.map(function (p) { return p[0]; }));
    return fsum(pairs.map(function (p) { return p[0] * p[1]; })) / total;
  }
  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function blocksOf(blocks, period) {
    var want = M.periods[period];
    var inside = blocks.filter(function (b) { return b.quarters.every(function (q) { return want.indexOf(q) >= 0; }); });
    var covered = 0;
    inside.forEach(function (b) { covered += b.quarters.length; });
    return covered === want.length ? inside : null;
  }
  function blockVolume(b) { return fsum(M.top.map(function (s) { return b.volumes[s]; })); }
  function hasSectors(b) { return M.top.every(function (s) { return has(b.rates, s); }); }
  function sectorGrdp(b) { return weighted(M.top.map(function (s) { return [b.volumes[s], b.rates[s]]; })); }
  function blockGrdp(b) { return b.grdp !== null ? b.grdp : sectorGrdp(b); }
  function residual(b) { return b.grdp === null || !hasSectors(b) ? 0 : b.grdp - sectorGrdp(b); }

  function computed(blocks, period) {
    var bs = blocksOf(blocks, period);
    if (!bs) return null;
    var vols = bs.map(blockVolume);
    var statuses = bs.map(function (b) { return b.status; }).filter(function (s, i, a) { return a.indexOf(s) === i; });
    var res = {
      grdp: weighted(bs.map(function (b, i) { return [vols[i], blockGrdp(b)]; })),
      sectors: {}, contributions: {}, status: statuses.length === 1 ? statuses[0] : "mixed"
    };
    if (!bs.every(hasSectors)) return res;
    M.sectors.forEach(function (s) {
      if (bs.every(function (b) { return has(b.rates, s) && has(b.volumes, s); })) {
        res.sectors[s] = weighted(bs.map(function (b) { return [b.volumes[s], b.rates[s]]; }));
      }
    });
    var total = fsum(vols);
    M.top.forEach(function (s) {
      res.contributions[s] = fsum(bs.map(function (b) { return b.volumes[s] * b.rates[s]; })) / total;
    });
    if (bs.some(function (b) { return b.grdp !== null; })) {
      res.contributions.residual = fsum(bs.map(function (b, i) { return vols[i] * residual(b); })) / total;
    }
    return res;
  }
  function periodResult(blocks, period) { // a published figure is the figure
    var res = computed(blocks, period), fig = M.published[period];
    if (!fig || !res) return res;
    var sectors = Object.assign({}, res.sectors), contributions = Object.assign({}, res.contributions);
    Object.keys(fig).forEach(function (k) { if (k !== "grdp") sectors[k] = fig[k]; });
    var grdp = has(fig, "grdp") ? fig.grdp : res.grdp;
    if (Object.keys(contributions).length && grdp !== res.grdp) {
      contributions.residual = (contributions.residual || 0) + (grdp - res.grdp);
    }
    return { grdp: grdp, sectors: sectors, contributions: contributions, status: M.published_status[period] || "actual" };
  }
  function valueOf(blocks, period, item) {
    var r = periodResult(blocks, period);
    if (!r) return null;
    var v = item === "grdp" ? r.grdp : r.sectors[item];
    return v === undefined ? null : v;
  }

  // ----- overrides (core/overrides.py) ------------------------------------------------------------
  function Problem(key, fields) { this.key = key; this.fields = fields; }
  function withDescendants(key) {
    var out = [key];
    M.sectors.forEach(function (k) { if (M.parents[k] === key) out = out.concat(withDescendants(k)); });
    return out;
  }
  function direction(blocks, period, item) {
    var out = {};
    blocksOf(blocks, period).forEach(function (b) {
      var keys = Object.keys(b.rates), moves = {};
      if (!keys.length) {
        if (item !== "grdp") throw new Problem("whatif_bad_lever", { lever: period + "." + item });
        out[b.name] = { grdp: 1 };
        return;
      }
      if (item === "grdp") {
        keys.forEach(function (k) { moves[k] = 1; });
        out[b.name] = moves;
        return;
      }
      if (!has(b.rates, item)) throw new Problem("whatif_bad_lever", { lever: period + "." + item });
      withDescendants(item).forEach(function (k) { if (has(b.rates, k)) moves[k] = 1; });
      var key = item, points = 1, parent;
      while ((parent = M.parents[key]) !== null && parent !== undefined) {
        if (M.proxied.indexOf(key) >= 0 || !(b.volumes[parent] > 0)) {
          throw new Problem("whatif_bad_lever", { lever: period + "." + item });
        }
        points *= b.volumes[key] / b.volumes[parent];
        moves[parent] = points;
        key = parent;
      }
      out[b.name] = moves;
    });
    return out;
  }
  function moved(blocks, moves) { // a given GRDP moves with its sectors: its residual holds
    return blocks.map(function (b) {
      var ch = moves[b.name];
      if (!ch || !Object.keys(ch).length) return b;
      var rates = {};
      Object.keys(b.rates).forEach(function (k) { rates[k] = b.rates[k] + (ch[k] || 0); });
      var grdp = b.grdp;
      if (grdp !== null) {
        grdp += has(ch, "grdp") ? ch.grdp
          : fsum(M.top.map(function (s) { return b.volumes[s] * (ch[s] || 0); })) / blockVolume(b);
      }
      return Object.assign({}, b, { rates: rates, grdp: grdp });
    });
  }
  function combined(steps, directions) {
    var out = {};
    directions.forEach(function (moves, j) {
      Object.keys(moves).forEach(function (block) {
        var into = out[block] = out[block] || {};
        Object.keys(moves[block]).forEach(function (k) { into[k] = (into[k] || 0) + steps[j] * moves[block][k]; });
      });
    });
    return out;
  }
  function firstDependent(matrix) {
    var basis = [];
    for (var i = 0; i < matrix.length; i++) {
      var r = matrix[i].slice();
      basis.forEach(function (pb) {
        var f = r[pb[0]] / pb[1][pb[0]];
        r = r.map(function (x, c) { return x - f * pb[1][c]; });
      });
      var scale = Math.max.apply(null, matrix[i].map(Math.abs).concat([1]));
      var pivot = 0;
      r.forEach(function (x, c) { if (Math.abs(x) > Math.abs(r[pivot])) pivot = c; });
      if (!r.length || Math.abs(r[pivot]) <= SINGULAR * scale) return i;
      basis.push([pivot, r]);
    }
    return null;
  }
  function solve(matrix, rhs) { // Gaussian elimination with partial pivoting
    var n = rhs.length, a = matrix.map(function (row, i) { return row.concat([rhs[i]]); });
    for (var col = 0; col < n; col++) {
      var p = col;
      for (var r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[p][col])) p = r;
      var t = a[col]; a[col] = a[p]; a[p] = t;
      for (r = col + 1; r < n; r++) {
        var f = a[r][col] / a[col][col];
        a[r] = a[r].map(function (x, c) { return x - f * a[col][c]; });
      }
    }
    var x = new Array(n).fill(0);
    for (var row = n - 1; row >= 0; row--) {
      var known = [];
      for (var c = row + 1; c < n; c++) known.push(a[row][c] * x[c]);
      x[row] = (a[row][n] - fsum(known)) / a[row][row];
    }
    return x;
  }
  function sortKey(o) {
    var q = M.periods[o.period];
    return [Math.max.apply(null, q), q.length, o.period, o.item, o.value];
  }
  function compare(a, b) {
    var ka = sortKey(a), kb = sortKey(b);
    for (var i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return 0;
  }
  function resolve(blocks, overrides) {
    if (!overrides.length) return blocks;
    var ordered = overrides.slice().sort(compare);
    ordered.forEach(function (o) {
      blocksOf(blocks, o.period).forEach(function (b) {
        if (!b.open) throw new Problem("whatif_fixed", { lever: o.period + "." + o.item, block: L.periods[b.name] });
      });
    });
    var current = ordered.map(function (o) {
      var v = valueOf(blocks, o.period, o.item);
      if (v === null) throw new Problem("whatif_bad_lever", { lever: o.period + "." + o.item });
      return v;
    });
    var directions = ordered.map(function (o) { return direction(blocks, o.period, o.item); });
    var effects = directions.map(function (moves) {
      var stepped = moved(blocks, moves);
      return ordered.map(function (o, k) { return valueOf(stepped, o.period, o.item) - current[k]; });
    });
    var matrix = ordered.map(function (o, k) { return ordered.map(function (p, j) { return effects[j][k]; }); });
    var dependent = firstDependent(matrix);
    if (dependent !== null) throw new Problem("whatif_conflict", { lever: text(ordered[dependent]) });
    var steps = solve(matrix, ordered.map(function (o, k) { return o.value - current[k]; }));
    var result = moved(blocks, combined(steps, directions));
    ordered.forEach(function (o) { // a rate set for one block reads exactly as typed
      var bs = blocksOf(result, o.period);
      if (bs.length !== 1) return;
      var b = bs[0], i = result.indexOf(b);
      if (o.item === "grdp" && b.grdp !== null) result[i] = Object.assign({}, b, { grdp: o.value });
      else if (has(b.rates, o.item)) {
        var rates = Object.assign({}, b.rates); rates[o.item] = o.value;
        result[i] = Object.assign({}, b, { rates: rates });
      }
    });
    result.forEach(function (b) {
      Object.keys(b.rates).forEach(function (k) {
        if (b.rates[k] <= -100) throw new Problem("whatif_impossible", { lever: L.periods[b.name] + " " + L.items[k] });
      });
    });
    return result;
  }
  function verdict(value, g) { // core/rounding.py goal_verdict
    if (value === null) return "missed";
    if (value >= g.min - M.eps) return "met";
    return g.min - value <= g.slack + M.eps ? "within_rounding" : "missed";
  }

  // ----- words and numbers ------------------------------------------------------------------------
  function fmt(v, d, sign) {
    if (v === null || v === undefined || !isFinite(v)) return "–";
    var s = v.toFixed(d);
    if (Number(s) === 0) s = (0).toFixed(d);
    if (sign && s.charAt(0) !== "-") s = "+" + s;
    return s.replace(".", M.decimal);
  }
  function say(key, fields) {
    return L.page[key].replace(/\{(\w+)\}/g, function (m, k) { return fields && has(fields, k) ? fields[k] : m; });
  }
  function text(o) { return o.period + "." + o.item + "=" + o.value; }
  function parseRate(raw) {
    var s = String(raw).trim().replace(",", ".");
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
    var v = Number(s);
    return isFinite(v) && v > -100 && v < 1000 ? v : null;
  }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { e.append(c); });
    return e;
  }

  // ----- state: the overrides, in the URL fragment too ----------------------------------------
  var overrides = {}; // "P.item" → value, in the order typed
  var plan = M.blocks;
  var computable = Object.keys(M.periods).filter(function (p) { return computed(plan, p) !== null; });
  function readFragment() {
    overrides = {};
    var bad = [];
    decodeURIComponent(location.hash.replace(/^#/, "")).split("&").forEach(function (part) {
      if (!part) return;
      var m = /^([A-Za-z0-9]+)\.([A-Za-z0-9_]+)=(.+)$/.exec(part);
      var v = m && parseRate(m[3]);
      if (!m || v === null || !has(M.periods, m[1]) || (m[2] !== "grdp" && M.sectors.indexOf(m[2]) < 0)) {
        bad.push(part);
        return;
      }
      overrides[m[1] + "." + m[2]] = v;
    });
    return bad;
  }
  function writeFragment() {
    var parts = Object.keys(overrides).map(function (k) { return k + "=" + overrides[k]; });
    var url = location.pathname + location.search + (parts.length ? "#" + parts.join("&") : "");
    history.replaceState(null, "", url);
  }
  function overrideList() {
    return Object.keys(overrides).map(function (k) {
      var dot = k.indexOf(".");
      return { period: k.slice(0, dot), item: k.slice(dot + 1), value: overrides[k] };
    });
  }

  // ----- the page -------------------------------------------------------------------------------
  var root = document.getElementById("whatif");
  var errorBox = root.querySelector(".whatif-error");
  var inputs = [];
  function buildInputs() {
    var open = plan.filter(function (b) { return b.open; });
    var holder = root.querySelector(".whatif-inputs");
    if (!open.length) {
      holder.append(el("p", {}, [say("whatif_page_closed")]));
      return;
    }
    var head = el("tr", {}, [el("th", {}, [L.page.item])]);
    open.forEach(function (b) { head.append(el("th", { "class": "num" }, [L.periods[b.name]])); });
    var body = el("tbody");
    ["grdp"].concat(M.sectors).forEach(function (item) {
      var row = el("tr", {}, [el("th", { scope: "row", "class": M.parents[item] ? "child" : "" }, [L.items[item]])]);
      open.forEach(function (b) {
        var cell = el("td", { "class": "num" });
        var usable = item === "grdp" || has(b.rates, item);
        if (usable) {
          var input = el("input", {
            type: "text", inputmode: "decimal", size: "6", "data-period": b.name, "data-item": item,
            "aria-label": L.periods[b.name] + " " + L.items[item], id: "set-" + b.name + "-" + item
          });
          input.addEventListener("change", onEdit);
          inputs.push(input);
          cell.append(input);
        }
        row.append(cell);
      });
      body.append(row);
    });
    holder.append(el("table", { "class": "inputs" }, [el("thead", {}, [head]), body]));
  }
  function onEdit(event) {
    var input = event.target, key = input.dataset.period + "." + input.dataset.item;
    if (input.value.trim() === "") delete overrides[key];
    else {
      var v = parseRate(input.value);
      if (v === null) {
        showError(say("whatif_bad_value", { value: input.value, lever: key }));
        return;
      }
      overrides[key] = v;
    }
    writeFragment();
    update();
  }
  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = !message;
  }
  function table(columns, rows, labels) { // the first `labels` columns are words, the others numbers
    labels = labels || 1;
    var head = el("tr", {}, columns.map(function (c, i) { return el("th", i >= labels ? { "class": "num" } : {}, [c]); }));
    var body = el("tbody", {}, rows.map(function (r) {
      return el("tr", {}, r.map(function (c, i) {
        var cell = typeof c === "object" ? c : { text: c };
        var cls = cell.cls !== undefined ? cell.cls : i >= labels ? "num" : "";
        return el("td", cls ? { "class": cls } : {}, [cell.text]);
      }));
    }));
    return el("table", {}, [el("thead", {}, [head]), body]);
  }
  function update() {
    var scenario = plan, problems = [];
    try {
      scenario = resolve(plan, overrideList());
    } catch (e) {
      if (!(e instanceof Problem)) throw e;
      problems.push(say(e.key, e.fields));
      scenario = plan;
    }
    showError(problems.join(" "));
    root.classList.toggle("empty", !Object.keys(overrides).length);
    inputs.forEach(function (input) {
      var key = input.dataset.period + "." + input.dataset.item;
      var set = has(overrides, key);
      input.classList.toggle("set", set);
      if (set && document.activeElement !== input) input.value = fmt(overrides[key], 2);
      else if (!set && document.activeElement !== input) {
        var b = scenario.filter(function (x) { return x.name === input.dataset.period; })[0];
        input.value = fmt(input.dataset.item === "grdp" ? blockGrdp(b) : b.rates[input.dataset.item], 2);
      }
    });
    var results = {}, before = {};
    computable.forEach(function (p) { results[p] = periodResult(scenario, p); before[p] = periodResult(plan, p); });
    // the headline
    var fy = results.FY ? results.FY.grdp : null;
    document.getElementById("fy-grdp").textContent = fmt(fy, 2);
    var head = M.goals.filter(function (g) { return g.headline; })[0];
    var verdictEl = root.querySelector(".whatif-verdict");
    if (head) {
      var v = verdict(fy, head);
      verdictEl.textContent = L.verdicts[v] + " (" + L.page.report_goal + " ≥ " + fmt(head.min, 2) + ")";
      verdictEl.className = "whatif-verdict " + v;
    }
    // periods
    var rows = ["grdp"].concat(M.sectors).map(function (item) {
      return [L.items[item]].concat(computable.map(function (p) {
        var now = item === "grdp" ? results[p].grdp : results[p].sectors[item];
        var was = item === "grdp" ? before[p].grdp : before[p].sectors[item];
        var changed = now !== undefined && was !== undefined && Math.abs(now - was) >= 0.005;
        return { text: fmt(now === undefined ? null : now, 2), cls: changed ? "num changed" : "num" };
      }));
    });
    var periodsBox = root.querySelector(".whatif-periods");
    periodsBox.replaceChildren(table([L.page.item].concat(computable.map(function (p) { return L.periods[p]; })), rows));
    // goals
    var goalRows = M.goals.map(function (g) {
      var value = results[g.period] ? (g.item === "grdp" ? results[g.period].grdp : results[g.period].sectors[g.item]) : null;
      if (value === undefined) value = null;
      var v = verdict(value, g);
      return [L.periods[g.period], { text: L.items[g.item], cls: "" }, fmt(g.min, 2), fmt(value, 2),
        fmt(value === null ? null : value - g.min, 3, true),
        { text: value === null ? "–" : L.verdicts[v], cls: "verdict-" + v }];
    });
    root.querySelector(".whatif-goals").replaceChildren(table(
      [L.page.period, L.page.item, L.page.min, L.page.value, L.page.margin, L.page.verdict], goalRows, 2));
    // contributions
    var withContrib = computable.filter(function (p) { return Object.keys(results[p].contributions).length; });
    var items = M.top.concat(withContrib.some(function (p) { return has(results[p].contributions, "residual"); }) ? ["residual"] : []);
    var contribRows = items.map(function (item) {
      return [L.items[item]].concat(withContrib.map(function (p) {
        var c = results[p].contributions[item];
        return fmt(c === undefined ? null : c, item === "residual" ? 4 : 2);
      }));
    });
    root.querySelector(".whatif-contributions").replaceChildren(
      withContrib.length ? table([L.page.item].concat(withContrib.map(function (p) { return L.periods[p]; })), contribRows) : "");
    // the chart
    root.querySelector(".whatif-chart").innerHTML = chart(computable, before, results, head ? head.min : null);
  }

  // ----- the chart: plan and scenario side by side, the goal in the legend, never over a bar ---------
  function chart(ps, before, after, goal) {
    var W = 720, H = 300, left = 44, right = 12, upper = 22, lower = 64;
    var vals = [0];
    ps.forEach(function (p) { vals.push(before[p].grdp, after[p].grdp); });
    if (goal !== null) vals.push(goal);
    var top = Math.max.apply(null, vals) * 1.12 || 1, bottom = Math.min.apply(null, vals) * 1.12;
    var ph = H - upper - lower, pw = W - left - right, group = pw / ps.length, bar = group * 0.38;
    function y(v) { return upper + (top - v) / (top - bottom) * ph; }
    var colours = ["#6e7781", "#0969da"], names = [M.baseline_label, L.page.whatif_page_scenario];
    var out = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + W + " " + H + '" role="img" font-size="12">'];
    if (goal !== null) {
      out.push('<line x1="' + left + '" x2="' + (W - right) + '" y1="' + y(goal).toFixed(1) + '" y2="' + y(goal).toFixed(1) +
        '" stroke="#9a6700" stroke-dasharray="6 4"/>');
    }
    out.push('<line x1="' + left + '" x2="' + (W - right) + '" y1="' + y(0).toFixed(1) + '" y2="' + y(0).toFixed(1) + '" stroke="#57606a"/>');
    ps.forEach(function (p, i) {
      [before[p].grdp, after[p].grdp].forEach(function (v, j) {
        var x = left + i * group + group * 0.1 + j * bar, yt = Math.min(y(v), y(0)), h = Math.abs(y(v) - y(0));
        out.push('<rect x="' + x.toFixed(1) + '" y="' + yt.toFixed(1) + '" width="' + (bar * 0.92).toFixed(1) + '" height="' +
          h.toFixed(1) + '" fill="' + colours[j] + '"><title>' + esc(names[j] + " " + L.periods[p] + ": " + fmt(v, 2)) + "</title></rect>");
        out.push('<text x="' + (x + bar * 0.46).toFixed(1) + '" y="' + (Math.min(y(v), y(0)) - 4).toFixed(1) +
          '" text-anchor="middle" font-size="11">' + fmt(v, 2) + "</text>");
      });
      out.push('<text x="' + (left + (i + 0.5) * group).toFixed(1) + '" y="' + (H - lower + 16) + '" text-anchor="middle">' +
        esc(L.periods[p]) + "</text>");
    });
    var lx = left, ly = H - 18;
    names.forEach(function (n, j) {
      out.push('<rect x="' + lx + '" y="' + (ly - 10) + '" width="12" height="12" fill="' + colours[j] + '"/><text x="' +
        (lx + 16) + '" y="' + ly + '">' + esc(n) + "</text>");
      lx += 28 + n.length * 7;
    });
    if (goal !== null) {
      out.push('<line x1="' + lx + '" x2="' + (lx + 24) + '" y1="' + (ly - 4) + '" y2="' + (ly - 4) +
        '" stroke="#9a6700" stroke-dasharray="6 4"/><text x="' + (lx + 28) + '" y="' + ly + '">' +
        esc(L.page.report_goal + " (" + L.periods.FY + ") " + fmt(goal, 2) + " %") + "</text>");
    }
    out.push("</svg>");
    return out.join("");
  }
  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  root.querySelector(".whatif-reset").addEventListener("click", function () {
    overrides = {};
    writeFragment();
    update();
  });
  window.addEventListener("hashchange", function () { start(); });
  function start() {
    var bad = readFragment();
    update();
    if (bad.length) showError(say("whatif_bad_value", { value: bad.join("&"), lever: "#" }));
  }
  buildInputs();
  start();
})();
