import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let packageRoot: string | undefined;

/**
 * A path inside the package. Files read at run time rather than imported (SQL migrations, static
 * assets) stay where they are in src/, while the code that reads them runs either from src/ (tsx)
 * or from the bundle in dist/: so their paths start at the folder of package.json, not at the file.
 */
export function packagePath(...segments: string[]): string {
  if (packageRoot === undefined) {
    let folder = path.dirname(fileURLToPath(import.meta.url));
    while (!fs.existsSync(path.join(folder, 'package.json'))) {
      const parent = path.dirname(folder);
      if (parent === folder) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
      folder = parent;
    }
    packageRoot = folder;
  }
  return path.join(packageRoot, ...segments);
}
