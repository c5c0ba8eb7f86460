import { z } from 'zod';
const a = z.strictObject({ x: z.array(z.string()).default([]), y: z.string() });
console.log(a.partial().parse({ y: 'q' }));
console.log(z.strictObject({ x: z.array(z.string()).default([]).optional() }).parse({}));
const r = z.strictObject({ a: z.string() }).safeParse({ a: 1, b: 2 });
console.log(JSON.stringify(r.error?.issues));
