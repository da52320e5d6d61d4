import CNcursesw
import Rendering
enum TerminalModule {}
