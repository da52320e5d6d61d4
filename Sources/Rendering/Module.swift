/// Placeholder until the module grows.
enum RenderingModule {}
