/** Live view layouts, saved per user under a name (core/contracts/layouts.ts). */
export const sql = `
CREATE TABLE live_layouts (
  user_name text NOT NULL,
  name text NOT NULL,
  layout jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_name, name)
);
`;
