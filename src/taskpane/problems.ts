// The pane and the CLI list problems the same way (src/model/problems.ts).
export { onePerCell } from "../model/problems";
