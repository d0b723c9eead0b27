// The report's what-if, recomputed in the page as the reader edits rates (no network, no library).
//
// One engine (docs/method.md §8): Python computes the plan as an affine map (core/affine.py: every figure
// the page shows, as its value in the plan plus the effect of one point along each lever); the page parses
// the overrides by the CLI's rules (core/values.py, core/overrides.py), resolves them by the same small
// linear system and multiplies. tests/test_whatif_engine.py runs this engine under node against
// `grdp-scenario whatif` on random override sets; tests/test_browser.py drives the page in Chromium.

// The engine: no page, no globals but itself, so node can run it too.
function grdpEngine(M) {
  "use strict";
  var A = M.affine, SINGULAR = 1e-9;
  var index = {};
  A.names.forEach(function (n, i) { index[n] = i; });
  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function Problem(code, fields) { this.code = code; this.fields = fields || {}; }
  function fsum(xs) { // Neumaier's compensated sum
    var s = 0, c = 0;
    xs.forEach(function (x) {
      var t = s + x;
      c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
      s = t;
    });
    return s + c;
  }

  // ----- numbers as the library receives them (core/values.py) -------------------------------------
  var PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
  var COMMA = /^[+-]?\d{1,3}(\.\d{3})*,\d+$|^[+-]?\d+,\d+$/;
  function parseNumber(raw) {
    var s = String(raw).trim();
    if (!s) throw new Problem("number-empty", { value: raw });
    if (s.slice(-1) === "%") s = s.slice(0, -1);
    var text = s.trim().replace(/\u2212/g, "-");
    if (!PLAIN.test(text)) {
      throw new Problem(COMMA.test(text) ? "number-decimal-comma" : "number-not-a-number", { value: raw });
    }
    var v = Number(text);
    if (!isFinite(v)) throw new Problem("number-not-finite", { value: raw });
    if (Math.abs(v) > A.huge) throw new Problem("number-too-large", { value: raw });
    return v;
  }
  function checkRate(v, raw) {
    if (v <= -100) throw new Problem("rate-impossible", { value: raw });
    if (v > A.rate_max) throw new Problem("rate-implausible", { value: raw });
    return v;
  }

  // ----- overrides (core/overrides.py: parse_override, make_override) -------------------------------
  function parseOverride(text) {
    var eq = text.indexOf("=");
    var target = eq < 0 ? text : text.slice(0, eq), raw = eq < 0 ? "" : text.slice(eq + 1);
    var t = target.trim(), dot = t.indexOf(".");
    if (eq < 0 || dot < 0) throw new Problem("override-form", { value: text });
    var period = t.slice(0, dot).trim(), item = t.slice(dot + 1).trim();
    if (A.periods.indexOf(period) < 0) throw new Problem("period-not-computable", { value: period, lever: t });
    if (A.items.indexOf(item) < 0) throw new Problem("item-unknown", { value: item, lever: t });
    var value = checkRate(parseNumber(raw.trim()), raw);
    return { period: period, item: item, value: value, lever: period + "." + item };
  }
  function decode(part) { // a lone or malformed % is read as typed, never an exception
    try { return decodeURIComponent(part); } catch (e) { return part; }
  }
  // The fragment as a list of overrides (each as its text), in the order written.
  function parseFragment(hash) {
    return String(hash || "").replace(/^#/, "").split("&").filter(function (p) { return p !== ""; }).map(decode);
  }

  // ----- resolution (core/overrides.py: resolve) --------------------------------------------------
  function sortKey(o) {
    var q = M.periods[o.period];
    return [Math.max.apply(null, q), q.length, o.period, o.item, o.value];
  }
  function compare(a, b) {
    var ka = sortKey(a), kb = sortKey(b);
    for (var i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return 0;
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
  // Every figure with the overrides holding together, or the Problem the CLI would raise.
  function resolve(overrides) {
    var values = A.baseline.slice();
    if (!overrides.length) return values;
    var ordered = overrides.slice().sort(compare), seen = {};
    ordered.forEach(function (o) {
      if (has(seen, o.lever)) throw new Problem("override-twice", { lever: o.lever });
      seen[o.lever] = true;
    });
    ordered.forEach(function (o) { // facts first, as resolve checks them
      var why = A.refused[o.lever];
      if (why && why.code === "lever-fixed") throw new Problem("lever-fixed", { lever: o.lever, why: why });
    });
    ordered.forEach(function (o) {
      var why = A.refused[o.lever];
      if (why) throw new Problem(why.code, { lever: o.lever, why: why });
    });
    var current = ordered.map(function (o) { return A.baseline[index[o.lever]]; });
    var matrix = ordered.map(function (o) {
      return ordered.map(function (p) { return A.effects[p.lever][index[o.lever]]; });
    });
    var dependent = firstDependent(matrix);
    if (dependent !== null) throw new Problem("overrides-conflict", { lever: ordered[dependent].lever });
    var steps = solve(matrix, ordered.map(function (o, k) { return o.value - current[k]; }));
    values = A.baseline.map(function (v, i) {
      return fsum([v].concat(ordered.map(function (o, j) { return steps[j] * A.effects[o.lever][i]; })));
    });
    ordered.forEach(function (o) { // a rate set reads exactly as typed (the solve leaves it a rounding error away)
      values[index[o.lever]] = o.value;
      var blocks = M.periods[o.period], single = M.blocks.filter(function (b) { return b.name === o.period; })[0];
      if (single && blocks) {
        var exact = o.item === "grdp" ? "grdp." + o.period : "rate." + o.period + "." + o.item;
        if (o.item !== "grdp" || single.grdp !== null) if (has(index, exact)) values[index[exact]] = o.value;
      }
    });
    // every rate, and the GRDP of a block that gives no sectors (core/overrides.py: resolve)
    var grdpOnly = {};
    M.blocks.forEach(function (b) { if (!Object.keys(b.rates).length) grdpOnly["grdp." + b.name] = b.name + ".grdp"; });
    A.names.forEach(function (n, i) {
      var lever = n.indexOf("rate.") === 0 ? n.slice(5) : grdpOnly[n];
      if (lever && values[i] <= -100) throw new Problem("overrides-rate-impossible", { lever: lever });
    });
    return values;
  }
  // The page's what-if from the fragment's texts: {overrides, values, problem}; on a problem, the plan.
  function evaluate(texts) {
    var overrides = [];
    try {
      texts.forEach(function (t) {
        try {
          overrides.push(parseOverride(t));
        } catch (e) {
          if (e instanceof Problem) e.fields.text = t;
          throw e;
        }
      });
      return { overrides: overrides, values: resolve(overrides), problem: null };
    } catch (e) {
      if (!(e instanceof Problem)) throw e;
      return { overrides: overrides, values: A.baseline.slice(), problem: e };
    }
  }
  function figure(values, name) { return has(index, name) ? values[index[name]] : null; }

  // ----- goals (core/rounding.py: goal_verdict) ----------------------------------------------------
  function noise(min, relative) { return relative ? M.eps * Math.max(1, Math.abs(min)) : M.eps; }
  function verdict(value, g) {
    if (value === null) return "unknown";
    var n = noise(g.min, g.relative);
    if (value >= g.min - n) return "met";
    return g.min - value <= g.slack + n ? "within_rounding" : "missed";
  }
  function goals(values) {
    return M.goals.map(function (g, i) {
      var value = figure(values, "goal." + i), v = verdict(value, g);
      // a verdict on a period not all actual is a projection, and its words say so
      var words = g.basis !== "actual" && v !== "unknown" ? M.labels.projected_verdicts[v] : M.labels.verdicts[v];
      return { goal: g, value: value, verdict: v, words: words };
    });
  }
  return {
    parseFragment: parseFragment, evaluate: evaluate, figure: figure, goals: goals, parseNumber: parseNumber,
    Problem: Problem
  };
}

if (typeof module !== "undefined" && module.exports) {
  module.exports = grdpEngine;
} else {
(function () {
  "use strict";
  var M = JSON.parse(document.getElementById("grdp-model").textContent);
  var L = M.labels;
  var E = grdpEngine(M);
  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  var PROBLEM_LABEL = {
    "lever-fixed": "whatif_fixed", "override-twice": "whatif_conflict", "overrides-conflict": "whatif_conflict",
    "overrides-rate-impossible": "whatif_impossible", "override-form": "whatif_bad_value",
    "period-not-computable": "whatif_bad_lever", "item-unknown": "whatif_bad_lever",
    "override-unknown-value": "whatif_bad_lever", "block-grdp-only": "whatif_bad_lever",
    "block-lacks-rate": "whatif_bad_lever", "child-share-unknown": "whatif_bad_lever"
  };

  // ----- words and numbers ------------------------------------------------------------------------
  function fmt(v, d, sign) {
    if (v === null || v === undefined || !isFinite(v)) return "–";
    var s = v.toFixed(d);
    if (Number(s) === 0) s = (0).toFixed(d);
    if (sign && s.charAt(0) !== "-") s = "+" + s;
    return s.replace(".", M.decimal);
  }
  function grouped(v, d) { // a level goal (billion VND, USD): thousands grouped as the report groups them
    var s = fmt(v, d);
    if (s === "–") return s;
    var parts = s.split(M.decimal), sep = M.decimal === "," ? "." : ",";
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    return parts.join(M.decimal);
  }
  var LEVEL_DECIMALS = { grdp_current: 0, per_capita: 2, per_capita_usd: 0 };
  function goalNumber(g, v, extra) {
    if (g.unit === "percent") return fmt(v, 2 + (extra || 0));
    return grouped(v, (has(LEVEL_DECIMALS, g.item) ? LEVEL_DECIMALS[g.item] : 2) + (extra || 0));
  }
  function say(key, fields) {
    return L.page[key].replace(/\{(\w+)\}/g, function (m, k) { return fields && has(fields, k) ? fields[k] : m; });
  }
  function problemText(p) {
    var key = PROBLEM_LABEL[p.code] || "whatif_bad_value";
    var lever = p.fields.lever || "#", block = "";
    if (p.code === "lever-fixed" && p.fields.why && p.fields.why.fields) {
      var because = p.fields.why.fields.because;
      block = because && because.fields && because.fields.block ? L.periods[because.fields.block] || because.fields.block : "";
    }
    var value = p.fields.text !== undefined ? p.fields.text : p.fields.value !== undefined ? p.fields.value : lever;
    return say(key, { value: value, lever: lever, block: block });
  }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { e.append(c); });
    return e;
  }

  // ----- state: the overrides as typed, in the URL fragment too ------------------------------------
  var texts = []; // "P.item=value", in the order typed
  var computable = Object.keys(M.periods).filter(function (p) { return E.figure(M.affine.baseline, p + ".grdp") !== null; });
  function leverOf(text) { return text.split("=")[0].trim(); }
  function writeFragment() {
    var url = location.pathname + location.search + (texts.length ? "#" + texts.join("&") : "");
    history.replaceState(null, "", url);
  }

  // ----- the page -------------------------------------------------------------------------------
  var root = document.getElementById("whatif");
  var errorBox = root.querySelector(".whatif-error");
  var inputs = [];
  function buildInputs() {
    var open = M.blocks.filter(function (b) { return b.open; });
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
    var kept = texts.filter(function (t) { return leverOf(t) !== key; });
    if (input.value.trim() !== "") {
      try {
        E.parseNumber(input.value);
      } catch (e) {
        showError(say("whatif_bad_value", { value: input.value, lever: key }));
        return;
      }
      kept.push(key + "=" + input.value.trim());
    }
    texts = kept;
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
    var found = E.evaluate(texts), values = found.values, plan = M.affine.baseline;
    showError(found.problem ? problemText(found.problem) : "");
    root.classList.toggle("empty", !texts.length);
    var typed = {};
    found.overrides.forEach(function (o) { typed[o.lever] = o.value; });
    inputs.forEach(function (input) {
      var key = input.dataset.period + "." + input.dataset.item;
      var set = !found.problem && has(typed, key);
      input.classList.toggle("set", set);
      if (document.activeElement === input) return;
      var name = input.dataset.item === "grdp" ? "grdp." + input.dataset.period : "rate." + key;
      input.value = fmt(set ? typed[key] : E.figure(values, name), 2);
    });
    var fy = E.figure(values, "FY.grdp");
    document.getElementById("fy-grdp").textContent = fmt(fy, 2);
    var judged = E.goals(values);
    var head = judged.filter(function (j) { return j.goal.headline; })[0];
    var verdictEl = root.querySelector(".whatif-verdict");
    if (head) {
      verdictEl.textContent = head.words + " (" + L.page.report_goal + " ≥ " + fmt(head.goal.min, 2) + ")";
      verdictEl.className = "whatif-verdict " + head.verdict;
    }
    // periods
    var rows = ["grdp"].concat(M.sectors).map(function (item) {
      return [L.items[item]].concat(computable.map(function (p) {
        var now = E.figure(values, p + "." + item), was = E.figure(plan, p + "." + item);
        var changed = now !== null && was !== null && Math.abs(now - was) >= 0.005;
        return { text: fmt(now, 2), cls: changed ? "num changed" : "num" };
      }));
    });
    var periodsBox = root.querySelector(".whatif-periods");
    periodsBox.replaceChildren(table([L.page.item].concat(computable.map(function (p) { return L.periods[p]; })), rows));
    // goals
    var goalRows = judged.map(function (j) {
      var g = j.goal, value = j.value;
      return [L.periods[g.period], { text: L.items[g.item], cls: "" }, goalNumber(g, g.min), goalNumber(g, value),
        fmt(value === null ? null : value - g.min, 3, true),
        { text: j.words, cls: "verdict-" + j.verdict }];
    });
    root.querySelector(".whatif-goals").replaceChildren(table(
      [L.page.period, L.page.item, L.page.min, L.page.value, L.page.margin, L.page.verdict], goalRows, 2));
    // contributions
    var withContrib = computable.filter(function (p) { return E.figure(values, "contribution." + p + "." + M.top[0]) !== null; });
    var items = M.top.concat(withContrib.some(function (p) {
      return E.figure(values, "contribution." + p + ".residual") !== null;
    }) ? ["residual"] : []);
    var contribRows = items.map(function (item) {
      return [L.items[item]].concat(withContrib.map(function (p) {
        return fmt(E.figure(values, "contribution." + p + "." + item), item === "residual" ? 4 : 2);
      }));
    });
    root.querySelector(".whatif-contributions").replaceChildren(
      withContrib.length ? table([L.page.item].concat(withContrib.map(function (p) { return L.periods[p]; })), contribRows) : "");
    // the chart
    var before = {}, after = {};
    computable.forEach(function (p) {
      before[p] = { grdp: E.figure(plan, p + ".grdp") };
      after[p] = { grdp: E.figure(values, p + ".grdp") };
    });
    root.querySelector(".whatif-chart").innerHTML = chart(computable, before, after, head ? head.goal.min : null);
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
    var colours = [M.chart.baseline, M.chart.whatif], names = [M.baseline_label, L.page.whatif_page_scenario];
    var out = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + W + " " + H + '" role="img" font-size="12">'];
    var fy = ps.indexOf("FY");
    if (goal !== null && fy >= 0) { // the year's goal binds the year: its line stands over FY only
      out.push('<line x1="' + (left + fy * group).toFixed(1) + '" x2="' + (left + (fy + 1) * group).toFixed(1) + '" y1="' +
        y(goal).toFixed(1) + '" y2="' + y(goal).toFixed(1) + '" stroke="#9a6700" stroke-dasharray="6 4"/>');
    }
    out.push('<line x1="' + left + '" x2="' + (W - right) + '" y1="' + y(0).toFixed(1) + '" y2="' + y(0).toFixed(1) + '" stroke="#57606a"/>');
    ps.forEach(function (p, i) {
      var placed = []; // value labels of this group: a label that would touch one placed moves clear of it
      [before[p].grdp, after[p].grdp].forEach(function (v, j) {
        var x = left + i * group + group * 0.1 + j * bar, yt = Math.min(y(v), y(0)), h = Math.abs(y(v) - y(0));
        out.push('<rect x="' + x.toFixed(1) + '" y="' + yt.toFixed(1) + '" width="' + (bar * 0.92).toFixed(1) + '" height="' +
          h.toFixed(1) + '" fill="' + colours[j] + '"><title>' + esc(names[j] + " " + L.periods[p] + ": " + fmt(v, 2)) + "</title></rect>");
        var text = fmt(v, 2), cx = x + bar * 0.46, half = text.length * 11 * 0.62 / 2, ly = yt - 4;
        placed.forEach(function (q) { if (Math.abs(cx - q[0]) < half + q[1] + 2 && Math.abs(ly - q[2]) < 12) ly = q[2] - 12; });
        placed.push([cx, half, ly]);
        out.push('<text x="' + cx.toFixed(1) + '" y="' + ly.toFixed(1) + '" text-anchor="middle" font-size="11">' + text + "</text>");
      });
      out.push('<text x="' + (left + (i + 0.5) * group).toFixed(1) + '" y="' + (H - lower + 16) + '" text-anchor="middle">' +
        esc(L.periods[p]).replace(/ /g, "&#160;") + "</text>"); // a period's name on one line
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
    texts = [];
    writeFragment();
    update();
  });
  window.addEventListener("hashchange", function () { start(); });
  function start() {
    texts = E.parseFragment(location.hash);
    update();
  }
  buildInputs();
  start();
})();
}
