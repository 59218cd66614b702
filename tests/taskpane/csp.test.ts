import * as fs from "fs";
import * as path from "path";

/** The directives of the page's meta Content-Security-Policy, by name. */
function policyOf(file: string): Map<string, string[]> {
  const html = fs.readFileSync(path.resolve(__dirname, "../..", file), "utf8");
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  if (!meta) throw new Error(`${file} has no Content-Security-Policy`);
  return new Map(
    meta[1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [parts[0], parts.slice(1)] as [string, string[]]),
  );
}

describe.each(["src/taskpane/taskpane.html", "src/commands/commands.html"])("%s content security policy", (file) => {
  const policy = policyOf(file);

  it("runs only its own scripts and Office.js from Microsoft's CDN, never code from strings or inline", () => {
    expect(policy.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
  });

  it("falls back to its own origin and forbids plugins, base rewrites and form posts", () => {
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'none'"]);
  });

  it("loads Office.js from the CDN the policy allows", () => {
    const html = fs.readFileSync(path.resolve(__dirname, "../..", file), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    expect(html).not.toMatch(/<script(?![^>]*src=)[^>]*>/);
  });
});

test("the task pane may start its scoring worker from its own origin only (no blob:, no data:)", () => {
  expect(policyOf("src/taskpane/taskpane.html").get("worker-src")).toEqual(["'self'"]);
});
