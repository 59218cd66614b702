export { createOfficeAdapter } from "../../src/adapters/office";
export { EXTRA_COLUMNS as EXTRA_COLUMNS_FOR_TESTS } from "../../src/adapters/office/adapter";
