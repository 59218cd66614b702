import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { ChevronDownRegular } from "@fluentui/react-icons";

/**
 * A dropdown whose chosen label is shown whole, wrapping over lines: a native <select> cannot
 * wrap its text, and at Excel's 320–350 px a profile name or a field label ("6.4 Tỷ lệ hồ sơ
 * được số hóa có kết nối, chia sẻ dữ liệu phục vụ tái sử dụng — tỷ lệ %") is cut off. The
 * native select is laid over the label, transparent, so keyboard, screen readers and the
 * platform's option list all stay native.
 */
const useStyles = makeStyles({
  root: {
    position: "relative",
    display: "flex",
    alignItems: "center",
    boxSizing: "border-box",
    minWidth: 0,
    width: "100%",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ":hover": {
      borderTopColor: tokens.colorNeutralStroke1Hover,
      borderLeftColor: tokens.colorNeutralStroke1Hover,
      borderRightColor: tokens.colorNeutralStroke1Hover,
      borderBottomColor: tokens.colorNeutralStrokeAccessibleHover,
    },
    ":focus-within": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "0" },
  },
  small: { minHeight: "24px", padding: `2px 24px 2px ${tokens.spacingHorizontalS}`, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  medium: { minHeight: "32px", padding: `5px 28px 5px ${tokens.spacingHorizontalM}`, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  disabled: {
    color: tokens.colorNeutralForegroundDisabled,
    borderTopColor: tokens.colorNeutralStrokeDisabled,
    borderLeftColor: tokens.colorNeutralStrokeDisabled,
    borderRightColor: tokens.colorNeutralStrokeDisabled,
    borderBottomColor: tokens.colorNeutralStrokeDisabled,
  },
  label: { overflowWrap: "anywhere", minWidth: 0 },
  placeholder: { color: tokens.colorNeutralForeground3 },
  chevron: { position: "absolute", right: tokens.spacingHorizontalS, top: "50%", transform: "translateY(-50%)", pointerEvents: "none", color: tokens.colorNeutralForeground3 },
  native: { position: "absolute", inset: 0, width: "100%", height: "100%", opacity: 0, cursor: "pointer", margin: 0, fontSize: tokens.fontSizeBase300 },
});

export interface WrappingSelectOption {
  value: string;
  label: string;
}

export interface WrappingSelectProps {
  id?: string;
  "aria-label"?: string;
  value: string;
  options: WrappingSelectOption[];
  disabled?: boolean;
  size?: "small" | "medium";
  /** The option value shown in the placeholder colour ("(không dùng)"). */
  placeholderValue?: string;
  onChange(value: string): void;
}

/** Keys that change a closed native select's value at once on Windows (and re-score the table). */
const STEP_KEYS = new Set(["ArrowDown", "ArrowUp", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"]);

/**
 * A closed dropdown changes only on a deliberate choice: a step key or a typed letter opens the
 * option list instead of picking the next option (Alt+↓, F4, Space and Enter open it as usual).
 */
function openInsteadOfStepping(e: React.KeyboardEvent<HTMLSelectElement>): void {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const typed = e.key.length === 1 && e.key !== " ";
  if (!STEP_KEYS.has(e.key) && !typed) return;
  e.preventDefault();
  try {
    e.currentTarget.showPicker();
  } catch {
    // No showPicker (older WebView) or not allowed here: the value at least stays as it was.
  }
}

export function WrappingSelect({ id, value, options, disabled, size = "medium", placeholderValue, onChange, ...rest }: WrappingSelectProps): React.JSX.Element {
  const styles = useStyles();
  const chosen = options.find((o) => o.value === value)?.label ?? value;
  const root = [styles.root, styles[size], disabled ? styles.disabled : ""].join(" ");
  return (
    <div className={root}>
      <span className={value === placeholderValue ? `${styles.label} ${styles.placeholder}` : styles.label} aria-hidden="true" data-chosen-label>
        {chosen}
      </span>
      <ChevronDownRegular className={styles.chevron} aria-hidden="true" fontSize={size === "small" ? 12 : 16} />
      <select id={id} aria-label={rest["aria-label"]} className={styles.native} value={value} disabled={disabled} onKeyDown={openInsteadOfStepping} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
