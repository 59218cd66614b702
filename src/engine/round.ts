// Decimal rounding is shared by every room that shows a number (plan and report too), so it lives in model.
export * from "../model/round";
