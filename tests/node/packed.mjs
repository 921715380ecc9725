// www/pkg installed the way a user gets it: `npm pack` (so only the files package.json
// ships), then `npm install` of the tarball into a throwaway project, offline (the
// package has no dependencies).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const pkgDir = fileURLToPath(new URL("../../www/pkg/", import.meta.url));

/** Packs www/pkg into `project` and installs it there; returns the packed file paths. */
export function installPacked(project) {
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", project], { cwd: pkgDir, encoding: "utf8" }),
  );
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", `./${packed.filename}`], {
    cwd: project,
    stdio: "pipe",
  });
  return packed.files.map((file) => file.path);
}
