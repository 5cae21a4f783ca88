import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRobotDescription } from './load-robot-description';
import { REFERENCE_ROBOT_PATH } from './reference-robot';
import { RobotDescriptionError } from './robot-description-error';

const directory = mkdtempSync(join(tmpdir(), 'robots-'));

function fileWith(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

describe('loadRobotDescription', () => {
  it('loads the reference robot', () => {
    const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);
    expect(robot.name).toBe('reference-diff-drive');
    expect(robot.motors.map((m) => m.model)).toEqual(['XM430-W350', 'XM430-W350']);
  });

  it('names the file of a JSON syntax error', () => {
    const path = fileWith('broken.json', '{ "name": "x", }');
    expect(() => loadRobotDescription(path)).toThrow(
      new RegExp(`^loadRobotDescription failed: ${path}: the text is not valid JSON \\(.+\\); fix its syntax$`),
    );
  });

  it('names the file and the field of an invalid description', () => {
    const path = fileWith('bad.json', JSON.stringify({ name: 'x', kind: 'tank' }));
    const error = (() => {
      try {
        return loadRobotDescription(path);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(RobotDescriptionError);
    expect(error).toMatchObject({
      name: 'RobotDescriptionError',
      field: 'kind',
      message: `loadRobotDescription failed: ${path}: kind must be one of "differential-drive", got "tank"`,
    });
  });

  it('says when the file cannot be read', () => {
    const path = join(directory, 'missing.json');
    expect(() => loadRobotDescription(path)).toThrow(
      new RegExp(`^loadRobotDescription failed: cannot read ${path} \\(ENOENT.*\\); check the path$`),
    );
  });
});
