/**
 * The built-in methods: JSON files validated with the same schema, and loaded the same way, as
 * a user's own method, so that a broken built-in fails at load (and in tests), not in a run.
 * To add one, drop a .json file here and list it below.
 */
import { parseProfile, type Profile } from "../model/profile";
import anGiangTuan from "./an-giang-tuan.json";
import chiTieu from "./chi-tieu.json";
import dienBien2023 from "./dien-bien-2023.json";
import qd766 from "./qd766.json";
import qd766Nhom from "./qd766-nhom.json";

const FILES: Record<string, unknown> = {
  "qd766.json": qd766,
  "qd766-nhom.json": qd766Nhom,
  "dien-bien-2023.json": dienBien2023,
  "an-giang-tuan.json": anGiangTuan,
  "chi-tieu.json": chiTieu,
};

export const BUILTIN_PROFILES: Profile[] = Object.entries(FILES).map(([file, json]) => parseProfile(json, `Phương pháp có sẵn src/profiles/${file}`));

/** A built-in method as its file holds it (before defaults): the starting point of a user's own. */
export function builtinProfileJson(id: string): unknown {
  return Object.values(FILES).find((json) => (json as { id?: unknown }).id === id);
}

export function getProfile(id: string): Profile | undefined {
  return BUILTIN_PROFILES.find((p) => p.id === id);
}
