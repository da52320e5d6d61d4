import Lessons
import Rendering
enum PlayerModule {}
