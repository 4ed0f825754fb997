// AuthModel
