/**
 * @jest-environment jsdom
 *
 * What can be checked of manifest.xml offline (`npm run validate` needs Microsoft's service):
 * well-formed XML, the XSD's element order, every resid resolves, every icon exists, the
 * Requirements block, https URLs on one base, the Home-tab button.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const text = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(text, "application/xml");
const root = doc.documentElement;
const children = (el: Element) => Array.from(el.children);
const byTag = (tag: string) => Array.from(doc.getElementsByTagName(tag));

describe("manifest.xml", () => {
  test("is well-formed XML with an OfficeApp TaskPaneApp root", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(root.localName).toBe("OfficeApp");
    expect(root.getAttribute("xsi:type")).toBe("TaskPaneApp");
  });

  test("keeps the XSD order of the top-level elements", () => {
    const xsdOrder = [
      "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
      "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions",
      "AllowSnapshot", "VersionOverrides",
    ];
    const names = children(root).map((e) => e.localName);
    for (const name of names) expect(xsdOrder).toContain(name);
    const positions = names.map((n) => xsdOrder.indexOf(n));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "Hosts", "DefaultSettings", "Permissions"]) {
      expect(names).toContain(required);
    }
    // Inside the desktop form factor: GetStarted, FunctionFile, then ExtensionPoint.
    const formFactor = byTag("DesktopFormFactor")[0];
    expect(children(formFactor).map((e) => e.localName)).toEqual(["GetStarted", "FunctionFile", "ExtensionPoint"]);
    const resources = byTag("Resources")[0];
    expect(children(resources).map((e) => e.localName)).toEqual(["Images", "Urls", "ShortStrings", "LongStrings"]);
  });

  test("targets Excel with ExcelApi 1.9 required, and says why in a comment", () => {
    expect(byTag("Host")[0].getAttribute("Name")).toBe("Workbook");
    const sets = byTag("Set").filter((s) => s.parentElement?.parentElement?.localName === "Requirements");
    expect(sets.map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])).toEqual([["ExcelApi", "1.9"]]);
    const comment = text.slice(0, text.indexOf("<Requirements>"));
    expect(comment).toMatch(/RangeAreas[\s\S]*getCellProperties/);
  });

  test("every resid resolves to a resource of the right kind", () => {
    const ids = new Map<string, string>();
    for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
      for (const el of children(byTag(`bt:${kind}`)[0] ?? byTag(kind)[0])) ids.set(el.getAttribute("id") ?? "", kind);
    }
    const uses = Array.from(doc.querySelectorAll("[resid]"));
    expect(uses.length).toBeGreaterThan(5);
    for (const el of uses) {
      const kind = ids.get(el.getAttribute("resid") ?? "");
      const expected = el.localName === "Image" ? "Images" : ["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(el.localName) ? "Urls" : el.localName === "Description" ? "LongStrings" : "ShortStrings";
      expect([el.getAttribute("resid"), kind]).toEqual([el.getAttribute("resid"), expected]);
    }
  });

  test("every URL is https on the one base URL, and every icon exists in assets/", () => {
    const urls = Array.from(doc.querySelectorAll("[DefaultValue]"))
      .map((el) => el.getAttribute("DefaultValue") ?? "")
      .filter((v) => /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url.startsWith("https://localhost:3000/")).toBe(true);
    const icons = urls.filter((u) => u.endsWith(".png"));
    const sizes = new Set<number>();
    for (const icon of icons) {
      const file = path.join(ROOT, icon.replace("https://localhost:3000/", ""));
      expect(fs.existsSync(file)).toBe(true);
      const png = fs.readFileSync(file);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      const size = png.readUInt32BE(16);
      expect(path.basename(file)).toBe(`icon-${size}.png`); // the name says the real size
      sizes.add(size);
    }
    expect([...sizes].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
    for (const page of ["taskpane.html", "commands.html"]) expect(urls).toContain(`https://localhost:3000/${page}`);
    expect(byTag("AppDomains")).toHaveLength(0);
  });

  test("puts a Chấm điểm 766 button on the Home tab that opens the task pane", () => {
    const tab = byTag("OfficeTab")[0];
    expect(tab.getAttribute("id")).toBe("TabHome");
    const button = Array.from(tab.getElementsByTagName("Control"))[0];
    expect(button.getAttribute("xsi:type")).toBe("Button");
    const labelId = button.getElementsByTagName("Label")[0].getAttribute("resid");
    const label = Array.from(doc.querySelectorAll("[id]")).find((e) => e.getAttribute("id") === labelId);
    expect(label?.getAttribute("DefaultValue")).toBe("Chấm điểm 766");
    expect(button.getElementsByTagName("Action")[0].getAttribute("xsi:type")).toBe("ShowTaskpane");
  });
});
