// Runs the page's what-if engine (present/render/whatif.js) under node, for tests/test_whatif_engine.py:
// argv[2] the engine, argv[3] the live model (JSON); stdin a JSON list of override sets (each a list of
// texts); stdout, per set, the figures (name → value), the goals' verdicts, or the refusal's code.
"use strict";
const fs = require("fs");
const engine = require(process.argv[2]);
const model = JSON.parse(fs.readFileSync(process.argv[3], "utf-8"));
const sets = JSON.parse(fs.readFileSync(0, "utf-8"));
const E = engine(model);
const out = sets.map((texts) => {
  const found = E.evaluate(texts);
  if (found.problem) return { problem: found.problem.code };
  const figures = {};
  model.affine.names.forEach((n) => { figures[n] = E.figure(found.values, n); });
  return { figures, verdicts: E.goals(found.values).map((j) => j.verdict) };
});
process.stdout.write(JSON.stringify(out));
