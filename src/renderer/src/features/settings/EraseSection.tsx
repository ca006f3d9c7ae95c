import { Section } from '../../ui/Section';
import { EraseEverything } from './EraseEverything';

/** Erase everything, naming what goes, only after typing ERASE. */
export function EraseSection() {
  return (
    <Section title="Erase all data">
      <EraseEverything />
    </Section>
  );
}
