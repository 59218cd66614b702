/**
 * The built-in profiles, validated with the same schema as a user's own profile so that a
 * broken built-in fails at load (and in tests), not in the middle of a run.
 */
import { parseProfile, type Profile } from "../model/profile";
import { AN_GIANG_TUAN } from "./an-giang-tuan";
import { CHI_TIEU } from "./chi-tieu";
import { DIEN_BIEN_2023 } from "./dien-bien-2023";
import { QD766 } from "./qd766";
import { QD766_NHOM } from "./qd766-nhom";

export const BUILTIN_PROFILES: Profile[] = [QD766, QD766_NHOM, DIEN_BIEN_2023, AN_GIANG_TUAN, CHI_TIEU].map((p) =>
  parseProfile(p),
);

export function getProfile(id: string): Profile | undefined {
  return BUILTIN_PROFILES.find((p) => p.id === id);
}
