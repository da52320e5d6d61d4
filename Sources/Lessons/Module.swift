import Autodiff
enum LessonsModule {}
