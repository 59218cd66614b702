/**
 * The published tables transcribed under tests/fixtures/golden (TypeScript), loaded through
 * ts-node so the browser tests check the pane's output against the same numbers as the unit tests.
 */
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs", moduleResolution: "node" } });

const { PHU_TAN_2024_05_TUAN_01 } = require("../fixtures/golden/phu-tan-an-giang-2024-05-tuan-01");
const { DIEN_BIEN_PHU_2023_09 } = require("../fixtures/golden/dien-bien-phu-2023-09");

module.exports = { PHU_TAN_2024_05_TUAN_01, DIEN_BIEN_PHU_2023_09 };
