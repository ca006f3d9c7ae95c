import { latchkey } from '../../lib/bridge';
import { useBridgeValue } from '../../lib/use-bridge-action';
import { Section } from '../../ui/Section';

/** Which Latchkey this is, and the work of others it ships (credited as their licences ask). */
export function AboutSection() {
  const [info] = useBridgeValue(() => latchkey['app:info']({}));
  return (
    <Section title="About" testId="about">
      <p>
        {info ? `${info.name} ${info.version}` : 'Latchkey'} — open source, offline, nothing sent
        anywhere.
      </p>
      <p className="hint">
        Brand icons: Simple Icons (simpleicons.org), released under CC0 1.0; bundled with the app
        and never fetched. Brand names and logos belong to their owners; an icon here does not mean
        the brand endorses Latchkey.
      </p>
    </Section>
  );
}
