/** A part as people know it: its name, with its code beside in smaller type (the code alone when unnamed). */
export function NameAndCode({ name, code }: { name?: string | undefined; code: string }) {
  if (!name) return <span className="code">{code}</span>;
  return (
    <>
      <span className="part-name">{name}</span> <span className="code muted part-code">{code}</span>
    </>
  );
}
