// The package README's examples, as a user copies them: the fenced block that follows
// `<!-- example: NAME -->` in www/pkg/README.md. Tests run them exactly as written.
import { readFileSync } from "node:fs";
import { pkgDir } from "./packed.mjs";

/** The code of the README example `name`. */
export function readmeExample(name) {
  const readme = readFileSync(`${pkgDir}README.md`, "utf8");
  const match = readme.match(new RegExp(`<!-- example: ${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``));
  if (!match) throw new Error(`no example "${name}" in the package README`);
  return match[1];
}
