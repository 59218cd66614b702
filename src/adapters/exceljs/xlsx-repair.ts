/**
 * Some programs write a part's relationship targets as absolute paths inside the package
 * ("/xl/comments1.xml"); exceljs resolves only relative ones ("../comments1.xml") and fails on
 * the comments or drawings (charts) of such a file. The targets are rewritten relative to their
 * part, which the format allows either way, so the file loads with its comments and drawings.
 */
import * as path from "node:path";
import JSZip from "jszip";

/** The package with absolute relationship targets made relative, or null when it has none. */
export async function withRelativeTargets(data: Buffer): Promise<Buffer | null> {
  const zip = await JSZip.loadAsync(data);
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    // "xl/worksheets/_rels/sheet1.xml.rels" holds the targets of "xl/worksheets/sheet1.xml".
    const m = /^(.*?)_rels\/[^/]+\.rels$/.exec(name);
    const file = zip.file(name);
    if (!m || !file) continue;
    const from = `/${m[1]}`;
    const xml = await file.async("string");
    const fixed = xml.replace(/(<Relationship\b[^>]*?\bTarget=")(\/[^"]*)"/g, (whole, head: string, target: string) =>
      /TargetMode="External"/.test(whole) ? whole : `${head}${path.posix.relative(from, target)}"`,
    );
    if (fixed !== xml) {
      zip.file(name, fixed);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }) : null;
}
